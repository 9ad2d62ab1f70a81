package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/** The first thread through the hub: a formed order travels from the database, through the outbox, to its supplier's queue. */
@HubIntegrationTest
class OutboxRelayTest {

    private static final String SKYFORGE_ORDERS = "supplier.skyforge.orders";

    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Flyway flyway;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    SupplierConnections connections;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    ConnectionFactory hubConnections;

    JmsTemplate jms;

    /** The supplier's system connects from outside, over TCP to the broker's network acceptor, as it would in production. */
    @BeforeEach
    void supplierSide() {
        jms = new JmsTemplate(supplierConnectionFactory());
        // long enough for the relay to wait out the back-off a broker failure of the test before left on Skyforge
        jms.setReceiveTimeout(20_000);
    }

    @Test
    void formedOrderArrivesOnItsSupplierQueueAsAValidVersionedMessage() throws Exception {
        String orderNumber = formedSkyforgeOrder(Map.of("SKF-FPV7", 3, "SKF-RELAY", 1));
        String messageId = db.queryForObject(
                "select message_id::text from outbox_message where correlation_id = ?", String.class, orderNumber);

        Message message = receive(orderNumber);

        assertThat(message).as("order on %s", SKYFORGE_ORDERS).isNotNull();
        assertThat(message.getStringProperty("hubMessageId")).isEqualTo(messageId);
        assertThat(message.getStringProperty("hubMessageType")).isEqualTo("ORDER");
        assertThat(message.getStringProperty("JMSXGroupID")).as("the order's message group").isEqualTo(orderNumber);
        String body = ((TextMessage) message).getText();
        producer.requestBody("json-validator:connectors/contracts/order-v1.schema.json", body);
        JsonNode order = json.readTree(body);
        assertThat(order.get("orderNumber").asText()).isEqualTo(orderNumber);
        assertThat(order.get("contractVersion").asText()).isEqualTo("1.0");
        assertThat(order.at("/buyer/unitCode").asText()).isEqualTo("A1001");
        assertThat(order.at("/supplier/registrationCode").asText()).isEqualTo("41234567");
        assertThat(order.get("shipBy").asText()).isEqualTo(LocalDate.now(clock).plusDays(7).toString());
        assertThat(order.get("totalAmount").asText()).isEqualTo("101500.00");
        assertThat(order.get("lines")).hasSize(2);
        JsonNode relayLine = lineFor(order, "SKF-RELAY");
        assertThat(relayLine.get("quantity").asInt()).isEqualTo(1);
        assertThat(relayLine.get("unitPrice").asText()).isEqualTo("58000.00");
        assertThat(lineFor(order, "SKF-FPV7").get("lineAmount").asText()).isEqualTo("43500.00");
        assertThat(sentAt(orderNumber)).isNotNull();
    }

    @Test
    void orderAndOutboxRowAreWrittenInOneTransaction() {
        String unitCode = "A2002";
        int ordersBefore = db.queryForObject("select count(*) from purchase_order", Integer.class);
        int outboxBefore = db.queryForObject("select count(*) from outbox_message", Integer.class);

        PurchaseOrder order = placement.placeInStockOrder(unitCode, Map.of("STP-DROP", 1));
        // A failing commit step must leave neither the order's new status nor the message behind.
        // the hub's own role may not alter tables: the owner's, as the migrations use
        JdbcTemplate owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        owner.execute("alter table outbox_message add constraint reject_for_test check (correlation_id <> '"
                + order.getOrderNumber() + "')");
        try {
            assertThatThrownBy(() -> placement.form(order.getOrderNumber()));
        } finally {
            owner.execute("alter table outbox_message drop constraint reject_for_test");
        }

        assertThat(db.queryForObject("select status from purchase_order where order_number = ?", String.class,
                order.getOrderNumber())).isEqualTo("AWAITING_SIGNATURE");
        assertThat(db.queryForObject("select count(*) from purchase_order", Integer.class)).isEqualTo(ordersBefore + 1);
        assertThat(db.queryForObject("select count(*) from outbox_message", Integer.class)).isEqualTo(outboxBefore);
        assertThat(db.queryForObject("select count(*) from budget_entry where order_id = ? and kind = 'COMMITTED'",
                Integer.class, order.getId())).isZero();
    }

    @Test
    void restartingTheRelaySendsNothingTwice() throws Exception {
        String orderNumber = formedSkyforgeOrder(Map.of("SKF-FPV10", 2));
        assertThat(receive(orderNumber)).isNotNull();

        camel.getRouteController().stopRoute("outbox-relay");
        camel.getRouteController().startRoute("outbox-relay");

        assertNothingMoreFor(orderNumber);
    }

    @Test
    void aResendAfterTheSentMarkWasLostIsDroppedByTheBroker() throws Exception {
        String orderNumber = formedSkyforgeOrder(Map.of("SKF-FPV7", 1));
        assertThat(receive(orderNumber)).isNotNull();

        // As if the hub died after the broker took the message but before the row was marked sent.
        db.update("update outbox_message set sent_at = null where correlation_id = ?", orderNumber);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(orderNumber) != null);

        assertNothingMoreFor(orderNumber);
    }

    @Test
    void aBrokerFailureLeavesTheRowForTheNextAttempt() throws Exception {
        broker.getActiveMQServer().stop();
        String orderNumber;
        try {
            orderNumber = formedSkyforgeOrder(Map.of("SKF-FPV7", 2));
            // the relay is at the row, trying to reach the broker (or has failed and the destination waits): the
            // row is not marked sent
            await().atMost(Duration.ofSeconds(10)).until(() -> camel.getInflightRepository().size("outbox-relay") > 0
                    || db.queryForObject("select count(*) from outbox_pause where destination = ?", Integer.class,
                    SKYFORGE_ORDERS) > 0);
            assertThat(sentAt(orderNumber)).isNull();
        } finally {
            broker.getActiveMQServer().start();
            supplierSide();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(orderNumber) != null);
        Message message = receive(orderNumber);
        assertThat(message).isNotNull();
        assertThat(json.readTree(((TextMessage) message).getText()).get("orderNumber").asText()).isEqualTo(orderNumber);
        assertNothingMoreFor(orderNumber);
    }

    /**
     * Another hub instance relaying at the same time holds the first of two rows about one order (it is sending it):
     * this instance skips that row, and holds back the second too, so that the order's messages go in their order.
     * A message about the order to another destination does not wait for them.
     */
    @Test
    void aSubjectsLaterMessageWaitsForTheEarlierOneThatAnotherInstanceIsSending() throws Exception {
        String queue = "test.outbox.order-" + UUID.randomUUID();
        String subject = "ORD-TEST-" + UUID.randomUUID();
        db.update("insert into outbox_pause (destination, since, paused_until, failures, reason) values "
                + "(?, now(), now() + interval '1 hour', 1, 'held by the test')", queue);
        for (int message = 1; message <= 2; message++) {
            db.update("insert into outbox_message (message_id, message_type, destination, correlation_id, payload) "
                    + "values (gen_random_uuid(), 'TEST', ?, ?, ?)", queue, subject, "{\"n\": " + message + "}");
        }
        String elsewhere = queue + ".elsewhere";
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select id from outbox_message where correlation_id = ? "
                    + "order by id limit 1 for update")) {
                lock.setString(1, subject);
                lock.executeQuery().close();
            }
            db.update("delete from outbox_pause where destination = ?", queue);
            db.update("insert into outbox_message (message_id, message_type, destination, correlation_id, payload) "
                    + "values (gen_random_uuid(), 'TEST', ?, ?, '{\"n\": 3}')", elsewhere, subject);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject("select count(*) from "
                    + "outbox_message where destination = ? and sent_at is not null", Integer.class, elsewhere) == 1);
            Thread.sleep(1000);
            assertThat(db.queryForObject("select count(*) from outbox_message where destination = ? and sent_at "
                    + "is not null", Integer.class, queue)).as("rows sent while the first is another's").isZero();
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject("select count(*) from outbox_message "
                + "where correlation_id = ? and sent_at is null", Integer.class, subject) == 0);
        JmsTemplate hub = new JmsTemplate(hubConnections);
        hub.setReceiveTimeout(5_000);
        for (String expected : List.of("{\"n\": 1}", "{\"n\": 2}")) {
            Message message = hub.receive(queue);
            assertThat(message).as("the message %s", expected).isNotNull();
            assertThat(((TextMessage) message).getText()).isEqualTo(expected);
        }
        Message sentElsewhere = hub.receive(elsewhere);
        assertThat(sentElsewhere).as("the message to the other destination").isNotNull();
        assertThat(((TextMessage) sentElsewhere).getText()).isEqualTo("{\"n\": 3}");
    }

    private ConnectionFactory supplierConnectionFactory() {
        return connections.as("skyforge");
    }

    private String formedSkyforgeOrder(Map<String, Integer> quantities) {
        PurchaseOrder order = placement.placeInStockOrder("A1001", quantities);
        placement.form(order.getOrderNumber());
        return order.getOrderNumber();
    }

    private Message receive(String orderNumber) {
        return jms.receiveSelected(SKYFORGE_ORDERS, "JMSCorrelationID = '" + orderNumber + "'");
    }

    /** Once the row is marked sent, its message is on the queue or was dropped as a repeat, nothing later. */
    private void assertNothingMoreFor(String orderNumber) throws JMSException {
        Boolean more = jms.browseSelected(SKYFORGE_ORDERS, "JMSCorrelationID = '" + orderNumber + "'",
                (session, browser) -> browser.getEnumeration().hasMoreElements());
        assertThat(more).isFalse();
    }

    private Object sentAt(String orderNumber) {
        return db.queryForObject("select sent_at from outbox_message where correlation_id = ?", Object.class,
                orderNumber);
    }

    private static JsonNode lineFor(JsonNode order, String productCode) {
        for (JsonNode line : order.get("lines")) {
            if (line.get("productCode").asText().equals(productCode)) {
                return line;
            }
        }
        throw new AssertionError("No line for " + productCode);
    }
}

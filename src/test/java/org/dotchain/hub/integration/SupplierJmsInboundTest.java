package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.OrderTracking;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/** A supplier's system sends its messages over JMS, through the broker's network acceptor, as it would in production. */
@HubIntegrationTest
class SupplierJmsInboundTest {

    static final String INBOUND = "supplier.skyforge.inbound";
    static final String DEAD_LETTERS = "supplier.skyforge.inbound.DLQ";

    @Autowired
    OrderPlacement placement;

    @Autowired
    SupplierConnections connections;
    /** The hub's own connection: a supplier may not read its dead letters, operators do. */
    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    JdbcTemplate db;
    @Autowired
    OrderTracking tracking;

    JmsTemplate supplier;
    String orderNumber;

    @BeforeEach
    void aFormedSkyforgeOrder() {
        supplier = new JmsTemplate(connections.as("skyforge"));
        supplier.setReceiveTimeout(10_000);
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("SKF-FPV7", 2));
        placement.form(order.getOrderNumber());
        orderNumber = order.getOrderNumber();
    }

    @Test
    void responseAndDespatchesMoveTheOrderAndItsLines() {
        send(orderResponse(id(), "AB"));
        awaitStatus("TRANSFERRED");
        send(orderResponse(id(), "AP"));
        awaitStatus("ACCEPTED_BY_SUPPLIER");

        send(despatch(id(), "D-1", "[\"SKF7-A-001\"]", 1));
        awaitStatus("PARTIALLY_SHIPPED");
        Long unitId = db.queryForObject("select unit_id from purchase_order where order_number = ?", Long.class,
                orderNumber);
        var line = tracking.find(new HubUser(0L, "tracker", "Tracker", unitId, null, null,
                EnumSet.of(Role.RECEIVER)), orderNumber).lines().get(0);
        assertThat(line.ordered()).isEqualTo(2);
        assertThat(line.shipped()).isEqualTo(1);
        assertThat(line.received()).isZero();
        assertThat(line.expectedBy()).isEqualTo(LocalDate.parse("2026-11-28"));
        send(despatch(id(), "D-2", "[\"SKF7-A-002\"]", 1));
        awaitStatus("SHIPPED");

        assertThat(db.queryForList("select i.serial_number from shipment_item i join shipment s on s.id = i.shipment_id "
                + "join purchase_order o on o.id = s.order_id where o.order_number = ? order by i.serial_number",
                String.class, orderNumber)).containsExactly("SKF7-A-001", "SKF7-A-002");
    }

    @Test
    void aRepeatedMessageIdHasOneEffect() {
        String messageId = id();
        String advice = despatch(messageId, "D-1", "[\"SKF7-B-001\"]", 1);

        send(advice);
        send(advice);
        send(advice);
        awaitStatus("PARTIALLY_SHIPPED");
        send(despatch(id(), "D-2", "[\"SKF7-B-002\"]", 1));
        awaitStatus("SHIPPED");

        assertThat(db.queryForObject("select count(*) from shipment s join purchase_order o on o.id = s.order_id "
                + "where o.order_number = ?", Integer.class, orderNumber)).isEqualTo(2);
        assertThat(db.queryForObject("select count(*) from camel_messageprocessed where message_id like ?", Integer.class,
                "%:" + messageId)).isEqualTo(1);
        assertThat(deadLetter(messageId, 1_000)).as("a duplicate is dropped, not dead-lettered").isNull();
    }

    @Test
    void aMessageBreakingItsContractIsDeadLetteredWithTheReason() throws Exception {
        String messageId = id();
        send("{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"" + messageId
                + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"MAYBE\"}");

        Message dead = deadLetter(messageId, 10_000);

        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON)).startsWith("invalid-message: The message does not fit its contract: ").doesNotContain("Exchange").doesNotContain("ID-")
                .contains("responseCode");
        assertThat(((TextMessage) dead).getText()).contains("MAYBE");
        assertThat(status()).isEqualTo("FORMED");
    }

    @Test
    void anotherSuppliersOrderIsDeadLetteredAndUntouched() throws Exception {
        PurchaseOrder steppe = placement.placeInStockOrder("A1001", Map.of("STP-DROP", 1));
        placement.form(steppe.getOrderNumber());
        String messageId = id();
        send(orderResponse(messageId, "RE").replace(orderNumber, steppe.getOrderNumber()));

        Message dead = deadLetter(messageId, 10_000);

        assertThat(dead.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON))
                .contains("No order " + steppe.getOrderNumber() + " of supplier skyforge");
        assertThat(db.queryForObject("select status from purchase_order where order_number = ?", String.class,
                steppe.getOrderNumber())).isEqualTo("FORMED");
    }

    @Test
    void aTransitionOutOfOrderIsDeadLettered() throws Exception {
        send(despatch(id(), "D-1", "[\"SKF7-C-001\", \"SKF7-C-002\"]", 2));
        awaitStatus("SHIPPED");
        String messageId = id();
        send(orderResponse(messageId, "AB"));

        Message dead = deadLetter(messageId, 10_000);

        assertThat(dead.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON))
                .contains("cannot go from SHIPPED to TRANSFERRED");
        assertThat(status()).isEqualTo("SHIPPED");
    }

    @Test
    void aStockUpdateSetsTheSuppliersStockAtOnceAndOffersItsPriceToTheDpa() {
        BigDecimal price = db.queryForObject("select unit_price from product where code = 'SKF-NIGHT7'",
                BigDecimal.class);
        String messageId = id();
        send("{\"contractVersion\":\"1.0\",\"messageType\":\"STOCK_UPDATE\",\"messageId\":\"" + messageId
                + "\",\"products\":[{\"productCode\":\"SKF-NIGHT7\",\"stock\":12,\"unitPrice\":\"33000.00\"}]}");

        await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject(
                "select stock from product where code = 'SKF-NIGHT7'", Integer.class) == 12);
        assertThat(db.queryForObject("select unit_price from product where code = 'SKF-NIGHT7'",
                BigDecimal.class)).as("the price waits for the DPA").isEqualByComparingTo(price);
        assertThat(db.queryForObject("select unit_price from catalog_offer where offer_number like ? and status = "
                + "'PENDING' order by id desc limit 1", BigDecimal.class, "PRICE-SKF-NIGHT7-%"))
                .isEqualByComparingTo("33000.00");
    }

    private String orderResponse(String messageId, String code) {
        return "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"" + messageId
                + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"" + code + "\""
                + (code.equals("RE") ? ",\"reason\":\"no capacity\"" : "") + "}";
    }

    private String despatch(String messageId, String despatchNumber, String serials, int quantity) {
        return "{\"contractVersion\":\"1.0\",\"messageType\":\"DESPATCH_ADVICE\",\"messageId\":\"" + messageId
                + "\",\"orderNumber\":\"" + orderNumber + "\",\"despatchNumber\":\"" + despatchNumber
                + "\",\"despatchedAt\":\"2026-11-26T08:00:00Z\",\"expectedArrival\":\"2026-11-28\",\"lines\":[{"
                + "\"lineNumber\":1,\"quantity\":" + quantity + ",\"serialNumbers\":" + serials + "}]}";
    }

    private void send(String message) {
        supplier.send(INBOUND, session -> session.createTextMessage(message));
    }

    private Message deadLetter(String messageId, long timeoutMillis) {
        JmsTemplate hub = new JmsTemplate(hubConnections);
        hub.setReceiveTimeout(timeoutMillis);
        return hub.receiveSelected(DEAD_LETTERS, "hubMessageId = '" + messageId + "'");
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals(status));
    }

    private String status() {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, orderNumber);
    }

    private static String id() {
        return "msg-" + UUID.randomUUID();
    }
}

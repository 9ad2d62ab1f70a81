package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub and the reference supplier system, each with its own Camel context, talking over the suppliers' real
 * transports: Skyforge over JMS on the hub's Artemis, Viriy over SOAP, Steppe over REST, every request signed.
 */
@HubIntegrationTest
class ReferenceSupplierEndToEndTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ApiClient api;
    @Autowired
    ReferenceSystems reference;
    @Autowired
    InboundTally tally;

    @BeforeEach
    void theReferenceSystemsRun() {
        reference.start();
    }

    @AfterEach
    void backToNormal() {
        reference.switchTo("NORMAL");
    }

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @ParameterizedTest(name = "{0} over {2}")
    @CsvSource({"skyforge, SKF-FPV10, JMS", "viriy, VRY-SCOUT, SOAP", "steppe, STP-DROP, REST"})
    void aFormedOrderIsAcceptedAndShippedInTwoDespatches(String supplier, String product, String transport) {
        String orderNumber = formedOrder(product, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(orderNumber).equals("SHIPPED"));

        assertThat(statusChanges(orderNumber)).containsSubsequence("FORMED", "TRANSFERRED", "ACCEPTED_BY_SUPPLIER",
                "PARTIALLY_SHIPPED", "SHIPPED");
        assertThat(db.queryForObject("select count(*) from shipment s join purchase_order o on o.id = s.order_id "
                + "where o.order_number = ?", Integer.class, orderNumber)).isEqualTo(2);
        assertThat(serialNumbers(orderNumber)).hasSize(3).allMatch(serial -> serial.startsWith(supplier.toUpperCase()));
        JsonNode tracking = api.as("orderer.a1001").get("/api/orders/" + orderNumber).getBody();
        assertThat(tracking.at("/lines/0/shipped").asInt()).as("%s", tracking).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} over {2}")
    @CsvSource({"skyforge, SKF-FPV10, JMS", "viriy, VRY-SCOUT, SOAP", "steppe, STP-DROP, REST"})
    void everyMessageSentTwiceHasOneEffect(String supplier, String product, String transport) {
        switchTo("DUPLICATES");
        String orderNumber = formedOrder(product, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(orderNumber).equals("SHIPPED"));
        // every copy of every message has come and been taken: applied once, answered as a repeat once
        await().atMost(Duration.ofSeconds(10)).until(() -> tally.of(orderNumber, "accepted") > 0
                && tally.of(orderNumber, "duplicate") == tally.of(orderNumber, "accepted"));

        assertThat(statusChanges(orderNumber)).doesNotHaveDuplicates().containsSubsequence("FORMED", "TRANSFERRED",
                "ACCEPTED_BY_SUPPLIER", "PARTIALLY_SHIPPED", "SHIPPED");
        assertThat(serialNumbers(orderNumber)).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aRejectingSupplierReturnsTheMoney() {
        switchTo("REJECT");
        String orderNumber = formedOrder("VRY-SCOUT", 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(orderNumber).equals("REJECTED_BY_SUPPLIER"));
    }

    @Test
    void aSoapSupplierThatIsDownGetsTheOrderExactlyOnceAfterAnOperatorsReplay() {
        switchTo("DOWN");
        String orderNumber = formedOrder("VRY-SCOUT", 1);
        String messageId = db.queryForObject("select message_id::text from outbox_message where correlation_id = ?",
                String.class, orderNumber);
        ApiClient.As operator = api.as("operator");

        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> operator.deadLetter(messageId),
                found -> found != null);
        assertThat(letter.get("queue").asText()).isEqualTo("supplier.viriy.orders.DLQ");
        assertThat(letter.get("reason").asText()).contains("send it again later");
        assertThat(status(orderNumber)).isEqualTo("FORMED");

        switchTo("NORMAL");
        assertThat(operator.post("/api/operations/dead-letters/supplier.viriy.orders.DLQ/"
                + letter.get("jmsMessageId").asText() + "/replay", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(orderNumber).equals("SHIPPED"));
        assertThat(statusChanges(orderNumber)).doesNotHaveDuplicates().containsSubsequence("FORMED", "TRANSFERRED",
                "ACCEPTED_BY_SUPPLIER", "SHIPPED");
        assertThat(operator.deadLetter(messageId)).isNull();
    }

    private String formedOrder(String product, int quantity) {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of(product, quantity));
        placement.form(order.getOrderNumber());
        return order.getOrderNumber();
    }

    private void switchTo(String mode) {
        reference.switchTo(mode);
    }

    private String status(String orderNumber) {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, orderNumber);
    }

    private List<String> statusChanges(String orderNumber) {
        return db.queryForList("select c.to_status from order_status_change c join purchase_order o on o.id = "
                + "c.order_id where o.order_number = ? order by c.id", String.class, orderNumber);
    }

    private List<String> serialNumbers(String orderNumber) {
        return db.queryForList("select i.serial_number from shipment_item i join shipment s on s.id = i.shipment_id "
                + "join purchase_order o on o.id = s.order_id where o.order_number = ?", String.class, orderNumber);
    }
}

package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.delivery.Despatches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The unit's receiver records what arrived; the expenditure invoice it signs authorises the items it received. */
@HubIntegrationTest
class ReceiptTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    Despatches despatches;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    String orderNumber;
    List<String> serials;
    ApiClient.As receiver;

    @BeforeEach
    void threeDronesShipped() {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("SKF-FPV10", 3));
        placement.form(order.getOrderNumber());
        orderNumber = order.getOrderNumber();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        serials = List.of("SN-" + batch + "-1", "SN-" + batch + "-2", "SN-" + batch + "-3");
        despatches.record(orderNumber, "skyforge", "D-" + batch, clock.instant(), clock.instant()
                .atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(2), List.of(
                new Despatches.DespatchedLine(1, 3, serials)));
        receiver = api.as("orderer.a1001");
    }

    @Test
    void aPartialReceiptInvoicesWhatArrivedAndRaisesAClaimForTheRest() {
        String despatch = despatchNumber();
        ResponseEntity<JsonNode> receipt = receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of(
                "despatchNumber", despatch,
                "received", List.of(serials.get(0)),
                "refused", List.of(Map.of("serialNumber", serials.get(1), "reason", "rotor arm cracked"))));

        assertThat(receipt.getStatusCode()).as("%s", receipt.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = receipt.getBody();
        assertThat(body.get("orderStatus").asText()).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(body.get("missing")).extracting(JsonNode::asText).containsExactly(serials.get(2));
        assertThat(body.at("/invoice/status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(body.at("/invoice/total").decimalValue()).isEqualByComparingTo(unitPrice());
        assertThat(statuses()).containsExactly("RECEIVED", "REFUSED", "DESPATCHED");
        JsonNode order = receiver.get("/api/orders/" + orderNumber).getBody();
        assertThat(order.at("/lines/0/received").asInt()).isEqualTo(1);
        assertThat(alertsOf(api.as("skyforge.agent"))).anyMatch(alert -> alert.contains(despatch));
        assertThat(alertsOf(receiver)).anyMatch(alert -> alert.contains(despatch));
        assertBalanced(db);

        long documentId = body.at("/invoice/documentId").asLong();
        ResponseEntity<JsonNode> signed = receiver.post("/api/documents/" + documentId + "/development-signatures",
                null);

        assertThat(signed.getStatusCode()).as("%s", signed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(statuses()).containsExactly("AUTHORISED", "REFUSED", "DESPATCHED");
        assertThat(db.queryForObject("select status from expenditure_invoice where document_id = ?", String.class,
                documentId)).isEqualTo("SIGNED");
        assertThat(receiver.get("/api/documents/" + documentId + "/verification-report").getBody().toString())
                .contains("TOTAL_PASSED");
        assertBalanced(db);
    }

    @Test
    void everythingReceivedDeliversTheOrder() {
        ResponseEntity<JsonNode> receipt = receiver.post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", despatchNumber(), "received", serials));

        assertThat(receipt.getBody().get("orderStatus").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.getBody().at("/invoice/total").decimalValue())
                .isEqualByComparingTo(unitPrice().multiply(java.math.BigDecimal.valueOf(3)));
        assertThat(db.queryForObject("select count(*) from alert where kind = 'DELIVERY_CLAIM' and message like ?",
                Integer.class, "%despatch " + despatchNumber() + " %")).isZero();
    }

    @Test
    void aMissingItemThatArrivesLaterIsReceivedAndARefusedOneIsShippedAgain() {
        String despatch = despatchNumber();
        receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", despatch,
                "received", List.of(serials.get(0)),
                "refused", List.of(Map.of("serialNumber", serials.get(1), "reason", "camera cracked"))));

        JsonNode late = receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", despatch,
                "received", List.of(serials.get(2)))).getBody();
        assertThat(late.get("orderStatus").asText()).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(late.at("/invoice/total").decimalValue()).isEqualByComparingTo(unitPrice());
        assertProblem(receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", despatch,
                "received", List.of(serials.get(2)))), HttpStatus.CONFLICT, "recorded once per item");

        String replacement = serials.get(1) + "-R";
        despatches.record(orderNumber, "skyforge", despatch + "-R", clock.instant(), clock.instant()
                .atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(2), List.of(
                new Despatches.DespatchedLine(1, 1, List.of(replacement))));
        JsonNode replaced = receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber",
                despatch + "-R", "received", List.of(replacement))).getBody();

        assertThat(replaced.get("orderStatus").asText()).isEqualTo("DELIVERED");
        assertThat(receiver.get("/api/orders/" + orderNumber).getBody().at("/lines/0/received").asInt()).isEqualTo(3);
        assertBalanced(db);
    }

    @Test
    void aDespatchIsReceivedOnceAndOnlyItsOwnItems() {
        String despatch = despatchNumber();

        assertProblem(receiver.post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", despatch, "received", List.of("SN-NOT-SHIPPED"))),
                HttpStatus.BAD_REQUEST, "is not in despatch");
        assertProblem(receiver.post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", despatch, "received", List.of(serials.get(0), serials.get(0)))),
                HttpStatus.BAD_REQUEST, "named twice");
        assertProblem(api.as("orderer.a2002").post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", despatch, "received", serials)), HttpStatus.NOT_FOUND, "No order");
        assertThat(statuses()).containsOnly("DESPATCHED");

        receiver.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", despatch, "received", serials));
        assertProblem(receiver.post("/api/orders/" + orderNumber + "/receipts",
                Map.of("despatchNumber", despatch, "received", serials)), HttpStatus.CONFLICT, "recorded once");
        assertThat(db.queryForObject("select count(*) from expenditure_invoice i join shipment s on s.id = "
                + "i.shipment_id where s.despatch_number = ?", Integer.class, despatch)).isEqualTo(1);
    }

    private String despatchNumber() {
        return "D-" + serials.get(0).substring(3, 11);
    }

    private java.math.BigDecimal unitPrice() {
        return db.queryForObject("select unit_price from product where code = 'SKF-FPV10'", java.math.BigDecimal.class);
    }

    private List<String> statuses() {
        return serials.stream().map(serial -> db.queryForObject(
                "select status from shipment_item where serial_number = ?", String.class, serial)).toList();
    }

    private static List<String> alertsOf(ApiClient.As who) {
        List<String> messages = new java.util.ArrayList<>();
        who.get("/api/alerts").getBody().forEach(alert -> messages.add(alert.get("message").asText()));
        return messages;
    }
}

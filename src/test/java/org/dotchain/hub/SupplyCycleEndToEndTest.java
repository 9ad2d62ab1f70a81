package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.integration.ReferenceSystems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed's whole supply cycle over the real transports, against the reference supplier and finance systems:
 * access, showcase, cart, checkout, signed order, the supplier's confirmation, despatches, receipts, signed
 * expenditure invoices, acceptance certificates with three verified signatures, payment, COMPLETED, with the
 * budget ledger checked after every step.
 */
@HubIntegrationTest
class SupplyCycleEndToEndTest {

    static final Duration STEP = Duration.ofSeconds(30);

    @Autowired
    Onboarding onboarding;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;
    @Autowired
    ReferenceSystems reference;

    @BeforeEach
    void theReferenceSystemsRun() {
        reference.start();
    }

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @AfterEach
    void backToNormal() {
        reference.switchTo("NORMAL");
    }

    @Test
    void fromAccessToAPaidAndCompletedOrderOverSoap() {
        wholeCycle("A2002", "signatory.a2002");
    }

    /** Every message of the supplier's and of the finance system's arrives twice: each still has one effect. */
    @Test
    void theSameCycleWithEveryMessageSentTwiceEndsTheSame() {
        reference.switchTo("DUPLICATES");
        wholeCycle("A1001", "signatory.a1001");
    }

    private void wholeCycle(String unitCode, String unitSignatory) {
        ApiClient.As unit = onboarding.loggedIn(onboarding.designateAndActivate(unitCode, "ORDERER", "RECEIVER"));
        assertThat(unit.get("/api/products?supplier=viriy&inStock=true").getBody().get("content"))
                .extracting(product -> product.get("code").asText()).contains("VRY-SCOUT");
        unit.put("/api/cart/lines/VRY-SCOUT", Map.of("quantity", 3));
        JsonNode order = unit.post("/api/cart/checkout", Map.of("requiredBy", LocalDate.now(clock).plusDays(30)
                .toString())).getBody().at("/orders/0");
        String orderNumber = order.get("orderNumber").asText();
        BigDecimal total = order.get("total").decimalValue();
        assertBalanced(db);

        sign(unit, order.get("documentId").asLong());
        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("SHIPPED"));
        assertThat(history(unit, orderNumber)).containsSubsequence("AWAITING_SIGNATURE", "FORMED", "TRANSFERRED",
                "ACCEPTED_BY_SUPPLIER", "PARTIALLY_SHIPPED", "SHIPPED");
        assertBalanced(db);

        for (String despatch : despatchesOf(unit, orderNumber).keySet()) {
            JsonNode receipt = unit.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", despatch,
                    "received", despatchesOf(unit, orderNumber).get(despatch))).getBody();
            assertBalanced(db);
            sign(unit, receipt.at("/invoice/documentId").asLong());
            assertBalanced(db);
        }
        assertThat(status(unit, orderNumber)).isEqualTo("DELIVERED");
        assertThat(unit.get("/api/orders/" + orderNumber + "/items").getBody())
                .allMatch(item -> item.get("status").asText().equals("AUTHORISED"));

        List<String> certificates = certifyAndPay(orderNumber, unitSignatory, 2);

        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("COMPLETED"));
        assertThat(history(unit, orderNumber)).containsSubsequence("DELIVERED", "PAID", "COMPLETED")
                .doesNotHaveDuplicates();
        for (String certificate : certificates) {
            JsonNode report = api.as("dpa.signatory").get("/api/documents/" + documentOf(certificate)
                    + "/verification-report").getBody();
            assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
            assertThat(report.get("signatures")).hasSize(3);
        }
        assertThat(spent(orderNumber)).isEqualByComparingTo(total);
        assertThat(committed(orderNumber)).isEqualByComparingTo(BigDecimal.ZERO);
        assertBalanced(db);
    }

    @Test
    void aPreOrderConfirmedInTimeThenDeliveredInPartIsPaidForWhatArrived() {
        ApiClient.As unit = onboarding.loggedIn(onboarding.designateAndActivate("A1001", "ORDERER", "RECEIVER"));
        unit.put("/api/cart/lines/STP-CARGO", Map.of("quantity", 2));
        JsonNode preOrder = unit.post("/api/cart/checkout", Map.of("requiredBy", LocalDate.now(clock).plusDays(60)
                .toString())).getBody().at("/preOrders/0");
        String orderNumber = preOrder.get("orderNumber").asText();
        BigDecimal unitPrice = preOrder.at("/lines/0/unitPrice").decimalValue();
        assertBalanced(db);

        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("AWAITING_SIGNATURE"));
        assertBalanced(db);
        sign(unit, unit.get("/api/orders/" + orderNumber).getBody().get("documentId").asLong());
        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("SHIPPED"));
        assertBalanced(db);

        Map<String, List<String>> despatches = despatchesOf(unit, orderNumber);
        List<String> despatchNumbers = new ArrayList<>(despatches.keySet());
        String first = despatchNumbers.get(0);
        String second = despatchNumbers.get(1);
        JsonNode whole = unit.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", first,
                "received", despatches.get(first))).getBody();
        JsonNode damaged = unit.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", second,
                "refused", List.of(Map.of("serialNumber", despatches.get(second).get(0), "reason", "frame broken"))))
                .getBody();
        assertThat(damaged.get("orderStatus").asText()).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(damaged.get("invoice").isNull()).as("nothing received, nothing to invoice").isTrue();
        assertThat(api.as("steppe.agent").get("/api/alerts").getBody().toString()).contains(second);
        assertBalanced(db);
        sign(unit, whole.at("/invoice/documentId").asLong());
        assertBalanced(db);

        certifyAndPay(orderNumber, "signatory.a1001", 1);

        await().atMost(STEP).until(() -> spent(orderNumber).compareTo(unitPrice) == 0);
        assertThat(status(unit, orderNumber)).as("one item is still owed").isEqualTo("PARTIALLY_DELIVERED");
        assertThat(committed(orderNumber)).as("the refused item's money stays committed").isEqualByComparingTo(unitPrice);
        assertBalanced(db);
    }

    /**
     * The supplier asks for a certificate over each signed invoice of the order and signs it through its connector;
     * the unit's signatory and the DPA's sign; the finance system pays each.
     */
    private List<String> certifyAndPay(String orderNumber, String unitSignatory, int expected) {
        List<String> certificates = await().atMost(STEP).until(() -> certificatesOf(orderNumber),
                found -> found.size() == expected);
        for (String certificate : certificates) {
            long documentId = documentOf(certificate);
            await().atMost(STEP).until(() -> turnOf(documentId).equals(unitSignatory));
            assertBalanced(db);
            assertThat(api.as(unitSignatory).post("/api/documents/" + documentId + "/development-signatures", null)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(api.as("dpa.signatory").post("/api/documents/" + documentId + "/development-signatures", null)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertBalanced(db);
            await().atMost(STEP).until(() -> certificateStatus(certificate).equals("PAID"));
            assertBalanced(db);
        }
        return certificates;
    }

    private void sign(ApiClient.As signer, long documentId) {
        assertThat(signer.post("/api/documents/" + documentId + "/development-signatures", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String status(ApiClient.As unit, String orderNumber) {
        return unit.get("/api/orders/" + orderNumber).getBody().get("status").asText();
    }

    private static List<String> history(ApiClient.As unit, String orderNumber) {
        List<String> statuses = new ArrayList<>();
        unit.get("/api/orders/" + orderNumber).getBody().get("history")
                .forEach(change -> statuses.add(change.get("to").asText()));
        return statuses;
    }

    /** Each despatch of the order with the serial numbers it carried, in the order they came. */
    private static Map<String, List<String>> despatchesOf(ApiClient.As unit, String orderNumber) {
        Map<String, List<String>> despatches = new LinkedHashMap<>();
        unit.get("/api/orders/" + orderNumber + "/items").getBody().forEach(item -> despatches
                .computeIfAbsent(item.get("despatchNumber").asText(), despatch -> new ArrayList<>())
                .add(item.get("serialNumber").asText()));
        return despatches;
    }

    private List<String> certificatesOf(String orderNumber) {
        return db.queryForList("select distinct c.certificate_number from acceptance_certificate c "
                + "join acceptance_certificate_invoice ci on ci.certificate_id = c.id "
                + "join expenditure_invoice i on i.id = ci.invoice_id join purchase_order o on o.id = i.order_id "
                + "where o.order_number = ? and c.document_id is not null order by 1", String.class, orderNumber);
    }

    private long documentOf(String certificate) {
        return db.queryForObject("select document_id from acceptance_certificate where certificate_number = ?",
                Long.class, certificate);
    }

    private String certificateStatus(String certificate) {
        return db.queryForObject("select status from acceptance_certificate where certificate_number = ?",
                String.class, certificate);
    }

    private String turnOf(long documentId) {
        return api.as("dpa.signatory").get("/api/documents/" + documentId).getBody().at("/turn/signerIdentity")
                .asText("");
    }

    private BigDecimal spent(String orderNumber) {
        return ledger(orderNumber, "'SPENT'");
    }

    private BigDecimal committed(String orderNumber) {
        return ledger(orderNumber, "'COMMITTED'").subtract(ledger(orderNumber, "'SPENT', 'RETURNED'"));
    }

    private BigDecimal ledger(String orderNumber, String kinds) {
        return db.queryForObject("select coalesce(sum(e.amount), 0) from budget_entry e join purchase_order o "
                + "on o.id = e.order_id where o.order_number = ? and e.kind in (" + kinds + ")", BigDecimal.class,
                orderNumber);
    }
}

package org.dotchain.hub.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.delivery.Deliveries;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier's products are on the showcase, and can be ordered, only while a framework agreement in force covers
 * their type and the DPA has not suspended the supplier; orders formed before a suspension go on to their end.
 */
@HubIntegrationTest
class SupplierAgreementTest {

    @Autowired
    ApiClient api;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    @Test
    void anAgreementInForcePutsTheTypesItCoversOnTheShowcase() {
        ApiClient.As admin = api.as("dpa.admin");
        ApiClient.As unit = api.as("orderer.a1001");
        String supplier = "tagr" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        db.update("insert into supplier (code, name, registration_code, connector_ref) values (?, ?, '44444444', ?)",
                supplier, "Test supplier " + supplier, "connectors/" + supplier + ".camel.yaml");
        for (String type : List.of("FPV", "RECON")) {
            db.update("insert into product (code, supplier_id, name, product_type, description, unit_price, stock, "
                    + "lead_time_days) select ?, id, 'Test drone', ?, 'A test drone', 20000.00, 5, 10 from supplier "
                    + "where code = ?", supplier.toUpperCase() + "-" + type, type, supplier);
        }
        String fpv = supplier.toUpperCase() + "-FPV";
        assertThat(unit.get("/api/products?supplier=" + supplier).getBody().at("/page/totalElements").asInt())
                .as("no agreement, nothing on the showcase").isZero();
        JsonNode card = unit.get("/api/products/" + fpv).getBody();
        assertThat(card.path("offered").asBoolean()).isFalse();
        assertThat(card.path("notOfferedReason").asText()).endsWith("has no framework agreement in force for FPV");
        assertProblem(unit.put("/api/cart/lines/" + fpv, Map.of("quantity", 1)), HttpStatus.CONFLICT,
                "has no framework agreement in force for FPV");

        String expired = "FA-" + supplier + "/old";
        assertThat(admin.post("/api/admin/suppliers/" + supplier + "/agreements", agreement(expired, "2025-01-01",
                "2025-12-31", "FPV")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(unit.get("/api/products?supplier=" + supplier).getBody().at("/page/totalElements").asInt())
                .as("an agreement no longer in force").isZero();

        ResponseEntity<JsonNode> recorded = admin.post("/api/admin/suppliers/" + supplier + "/agreements",
                agreement("FA-" + supplier + "/1", LocalDate.now(clock).minusDays(1).toString(),
                        LocalDate.now(clock).plusYears(1).toString(), "FPV"));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody().path("inForce").asBoolean()).isTrue();
        JsonNode showcase = unit.get("/api/products?supplier=" + supplier).getBody();
        assertThat(showcase.path("content").findValuesAsText("type")).as("the type it covers only")
                .containsExactly("FPV");
        assertThat(unit.get("/api/products/" + fpv).getBody().path("offered").asBoolean()).isTrue();

        JsonNode view = admin.get("/api/admin/suppliers/" + supplier).getBody();
        assertThat(view.findValuesAsText("number")).containsExactly(expired, "FA-" + supplier + "/1");
        assertThat(view.at("/agreements/0/inForce").asBoolean()).isFalse();
        assertThat(view.at("/agreements/1/items/0/maxUnitPrice").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(admin.get("/api/admin/suppliers").getBody().findValuesAsText("code"))
                .contains("skyforge", "viriy", "steppe", supplier);
        assertThat(db.queryForList("select action from audit_entry where subject_id = ?", String.class, supplier))
                .containsExactly("AGREEMENT_RECORDED", "AGREEMENT_RECORDED");
    }

    @Test
    void anAgreementIsRefusedWithItsFieldAndOnlyAnAdministratorRecordsOne() {
        ApiClient.As admin = api.as("dpa.admin");
        String agreements = "/api/admin/suppliers/viriy/agreements";

        assertThat(field(admin.post(agreements, agreement("FA-DEMO-2026/002", "2026-01-01", "2026-12-31", "RECON"))))
                .as("a number recorded already").isEqualTo("number");
        assertThat(field(admin.post(agreements, agreement("FA-x", "2026-12-31", "2026-01-01", "RECON"))))
                .isEqualTo("validUntil");
        assertThat(field(admin.post(agreements, agreement("FA-x", "2026-01-01", "2026-12-31", "recon"))))
                .isEqualTo("items");
        Map<String, Object> noItems = Map.of("number", "FA-x", "signedOn", "2026-01-01", "validFrom", "2026-01-01",
                "validUntil", "2026-12-31", "items", List.of());
        assertThat(field(admin.post(agreements, noItems))).isEqualTo("items");
        assertProblem(admin.post("/api/admin/suppliers/nobody/agreements",
                agreement("FA-x", "2026-01-01", "2026-12-31", "FPV")), HttpStatus.NOT_FOUND, "No supplier nobody");
        assertThat(api.as("dpa.signatory").post(agreements, agreement("FA-y", "2026-01-01", "2026-12-31", "FPV"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("viriy.agent").get("/api/admin/suppliers").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.get("/api/admin/suppliers/viriy").getBody().path("agreements").size()).isEqualTo(1);
    }

    @Test
    void aSuspendedSupplierLeavesTheShowcaseAtOnceAndItsFormedOrdersGoOn() {
        ApiClient.As admin = api.as("dpa.admin");
        ApiClient.As unit = api.as("orderer.a1001");
        String formed = placement.placeInStockOrder("A1001", Map.of("STP-FIBRE", 1)).getOrderNumber();
        placement.form(formed);
        assertThat(unit.put("/api/cart/lines/STP-DROP", Map.of("quantity", 1)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            JsonNode suspended = admin.post("/api/admin/suppliers/steppe/suspension",
                    Map.of("reason", "Deliveries under review")).getBody();
            assertThat(suspended.path("suspended").asBoolean()).isTrue();
            assertThat(suspended.path("suspensionReason").asText()).isEqualTo("Deliveries under review");

            assertThat(unit.get("/api/products?supplier=steppe").getBody().at("/page/totalElements").asInt())
                    .isZero();
            assertThat(unit.get("/api/products/STP-DROP").getBody().path("notOfferedReason").asText())
                    .isEqualTo("Steppe Robotics LLC is suspended by the DPA");
            assertThat(unit.get("/api/products/STP-DROP").getBody().path("notOfferedBecause").asText())
                    .isEqualTo("SUSPENDED");
            JsonNode cart = unit.get("/api/cart").getBody();
            JsonNode line = cart.path("lines").findParents("productCode").stream()
                    .filter(found -> found.path("productCode").asText().equals("STP-DROP")).findFirst().orElseThrow();
            assertThat(line.path("offered").asBoolean()).isFalse();
            assertThat(cart.path("message").asText()).contains("STP-DROP left the showcase");
            ResponseEntity<JsonNode> checkout = unit.post("/api/cart/checkout",
                    Map.of("requiredBy", LocalDate.now(clock).plusDays(30).toString()));
            assertProblem(checkout, HttpStatus.CONFLICT, "Steppe Robotics LLC is suspended by the DPA");
            assertThat(checkout.getBody().path("productCodes").toString()).contains("STP-DROP");
            assertThat(unit.get("/api/cart").getBody().findValuesAsText("productCode"))
                    .as("a refused checkout keeps the cart").contains("STP-DROP");
            assertProblem(unit.put("/api/cart/lines/STP-BOMBER", Map.of("quantity", 1)), HttpStatus.CONFLICT,
                    "suspended by the DPA");

            JsonNode receipt = deliveries.shipAndReceive(formed, "steppe", 1, unit);
            assertThat(receipt.path("orderStatus").asText()).as("%s", receipt).isEqualTo("DELIVERED");
        } finally {
            admin.delete("/api/admin/suppliers/steppe/suspension");
            unit.delete("/api/cart/lines/STP-DROP");
        }
        assertThat(unit.get("/api/products?supplier=steppe").getBody().at("/page/totalElements").asInt())
                .as("resumed").isPositive();
        assertThat(db.queryForList("select action from audit_entry where subject_id = 'steppe' order by id",
                String.class))
                .containsSubsequence("SUPPLIER_SUSPENDED", "SUPPLIER_RESUMED");
    }

    private static Map<String, Object> agreement(String number, String from, String until, String type) {
        return Map.of("number", number, "signedOn", "2025-12-01", "validFrom", from, "validUntil", until,
                "items", List.of(Map.of("productType", type, "maxUnitPrice", "25000.00")));
    }

    private static String field(ResponseEntity<JsonNode> refusal) {
        assertThat(refusal.getStatusCode().is4xxClientError()).as("%s", refusal.getBody()).isTrue();
        return refusal.getBody().path("field").asText();
    }
}

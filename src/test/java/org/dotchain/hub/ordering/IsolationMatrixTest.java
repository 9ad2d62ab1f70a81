package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each endpoint, for people who must not reach another unit's data or take another role's step: another unit gets
 * 404 (the data does not exist for it), a role that may not take the step gets 403.
 */
@HubIntegrationTest
class IsolationMatrixTest {

    @Autowired
    ApiClient api;
    @Autowired
    Onboarding onboarding;

    String orderNumber;
    long documentId;

    @BeforeEach
    void anOrderOfUnitA1001() {
        ApiClient.As orderer = api.as("orderer.a1001");
        orderer.put("/api/cart/lines/STP-FIBRE", Map.of("quantity", 1));
        JsonNode order = orderer.post("/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now().plusDays(30).toString())).getBody().at("/orders/0");
        orderNumber = order.get("orderNumber").asText();
        documentId = order.get("documentId").asLong();
    }

    record Call(HttpMethod method, String url, Object body) {
    }

    List<Call> unitA1001Data() {
        return List.of(
                new Call(HttpMethod.GET, "/api/orders/" + orderNumber, null),
                new Call(HttpMethod.POST, "/api/orders/" + orderNumber + "/cancellation", null),
                new Call(HttpMethod.GET, "/api/documents/" + documentId, null),
                new Call(HttpMethod.GET, "/api/documents/" + documentId + "/pdf", null),
                new Call(HttpMethod.GET, "/api/documents/" + documentId + "/verification-report", null),
                new Call(HttpMethod.POST, "/api/documents/" + documentId + "/development-signatures", null),
                new Call(HttpMethod.POST, "/api/documents/" + documentId + "/signing-requests",
                        Map.of("certificate", "AAAA")));
    }

    @Test
    void anotherUnitGets404ForEveryPieceOfThisUnitsData() {
        ApiClient.As otherUnit = api.as("orderer.a2002");
        for (Call call : unitA1001Data()) {
            ResponseEntity<JsonNode> response = otherUnit.exchange(call.method(), call.url(), call.body(), JsonNode.class);
            assertThat(response.getStatusCode()).as("%s %s", call.method(), call.url()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        JsonNode otherOrders = otherUnit.get("/api/orders?size=100").getBody();
        assertThat(otherOrders.get("content")).extracting(order -> order.get("orderNumber").asText())
                .doesNotContain(orderNumber);
        assertThat(otherUnit.get("/api/budget").getBody().get("allocated").decimalValue())
                .isEqualByComparingTo("18000000.00");
        assertThat(api.as("orderer.a1001").get("/api/orders/" + orderNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherSupplierGets404ForTheOrdersDocument() {
        ApiClient.As otherSupplier = api.as("skyforge.agent");
        assertThat(otherSupplier.get("/api/documents/" + documentId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("steppe.agent").get("/api/documents/" + documentId).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachRoleTakesOnlyItsOwnSteps() {
        Map<String, List<Call>> forbidden = Map.of(
                "signatory.a1001", List.of(
                        new Call(HttpMethod.PUT, "/api/cart/lines/STP-FIBRE", Map.of("quantity", 1)),
                        new Call(HttpMethod.POST, "/api/cart/checkout", Map.of("requiredBy", "2030-01-01")),
                        new Call(HttpMethod.POST, "/api/orders/" + orderNumber + "/cancellation", null),
                        new Call(HttpMethod.POST, "/api/admin/units/A1001/access", null)),
                "skyforge.agent", List.of(
                        new Call(HttpMethod.GET, "/api/cart", null),
                        new Call(HttpMethod.GET, "/api/budget", null),
                        new Call(HttpMethod.GET, "/api/orders", null)),
                "dpa.signatory", List.of(
                        new Call(HttpMethod.GET, "/api/cart", null),
                        new Call(HttpMethod.POST, "/api/admin/staff", Map.of("username", "x", "fullName", "x",
                                "roles", List.of("OPERATOR")))));
        forbidden.forEach((username, calls) -> {
            for (Call call : calls) {
                ResponseEntity<JsonNode> response = api.as(username)
                        .exchange(call.method(), call.url(), call.body(), JsonNode.class);
                assertThat(response.getStatusCode()).as("%s: %s %s", username, call.method(), call.url())
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        });
        assertThat(api.as("signatory.a1001").get("/api/orders/" + orderNumber).getStatusCode()).isEqualTo(HttpStatus.OK);

        ApiClient.As receiver = onboarding.loggedIn(onboarding.designateAndActivate("A1001", "RECEIVER"));
        assertThat(receiver.put("/api/cart/lines/STP-FIBRE", Map.of("quantity", 1)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(receiver.post("/api/cart/checkout", Map.of("requiredBy", "2030-01-01")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyTheOrdersCreatorSignsOrCancelsIt() {
        ApiClient.As colleague = onboarding.loggedIn(onboarding.designateAndActivate("A1001", "ORDERER"));

        ResponseEntity<JsonNode> sign = colleague.post("/api/documents/" + documentId + "/development-signatures", null);
        assertThat(sign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sign.getBody().get("detail").asText()).contains("step 1 is for 'orderer.a1001'");
        assertThat(colleague.post("/api/orders/" + orderNumber + "/cancellation", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("orderer.a1001").get("/api/orders/" + orderNumber).getBody().get("status").asText())
                .isEqualTo("AWAITING_SIGNATURE");
    }
}

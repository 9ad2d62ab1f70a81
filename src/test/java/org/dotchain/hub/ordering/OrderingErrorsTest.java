package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each refusal is problem+json with a stable type, a message and the field at fault, and changes nothing. */
@HubIntegrationTest
class OrderingErrorsTest {

    @Autowired
    Onboarding onboarding;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;

    ApiClient.As orderer;

    @BeforeEach
    void anOrdererWithOneLine() {
        orderer = onboarding.loggedIn(onboarding.designateAndActivate("A1001", "ORDERER"));
        orderer.put("/api/cart/lines/STP-DROP", Map.of("quantity", 2));
    }

    @Test
    void malformedJsonIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = api.anonymous().exchange("/api/cart/lines/STP-DROP", HttpMethod.PUT,
                new HttpEntity<>("{\"quantity\": ", withToken(headers)), JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "not valid JSON");
        assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/malformed-body");
        assertCartHoldsTwoDrops();
    }

    @Test
    void aQuantityOfZeroOrBelowIsRefusedWithItsField() {
        for (int quantity : new int[] {0, -3}) {
            ResponseEntity<JsonNode> response = orderer.put("/api/cart/lines/STP-DROP", Map.of("quantity", quantity));
            assertProblem(response, HttpStatus.BAD_REQUEST, "'quantity' must be at least 1");
            assertThat(response.getBody().get("field").asText()).isEqualTo("quantity");
            assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/invalid-field");
        }
        assertCartHoldsTwoDrops();
    }

    @Test
    void unknownIdsAre404() {
        assertProblem(orderer.put("/api/cart/lines/NO-SUCH", Map.of("quantity", 1)), HttpStatus.NOT_FOUND,
                "No product with code NO-SUCH");
        assertProblem(orderer.delete("/api/cart/lines/SKF-FPV7"), HttpStatus.NOT_FOUND, "no line for SKF-FPV7");
        assertProblem(orderer.get("/api/orders/ORD-1999-000001"), HttpStatus.NOT_FOUND, "No order ORD-1999-000001");
        assertProblem(orderer.get("/api/orders?status=SHIPPED_TO_MARS"), HttpStatus.BAD_REQUEST, "not a valid status");
        assertCartHoldsTwoDrops();
    }

    @Test
    void aRequiredByDateInThePastIsRefusedAndTheCartStays() {
        ResponseEntity<JsonNode> response = orderer.post("/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now().minusDays(1).toString()));

        assertProblem(response, HttpStatus.BAD_REQUEST, "'requiredBy' must be a date after today");
        assertThat(response.getBody().get("field").asText()).isEqualTo("requiredBy");
        assertCartHoldsTwoDrops();
    }

    @Test
    void aCartOverTheBudgetIsFlaggedAndCheckoutRefusedWithoutAnyChange() {
        orderer.put("/api/cart/lines/VRY-WING", Map.of("quantity", 30));
        JsonNode cart = orderer.get("/api/cart").getBody();
        assertThat(cart.get("exceedsBudget").asBoolean()).isTrue();
        assertThat(cart.get("message").asText()).contains("more than the").contains("UAH available");
        int stockBefore = stockOf("STP-DROP");
        int ordersBefore = db.queryForObject("select count(*) from purchase_order", Integer.class);

        ResponseEntity<JsonNode> response = orderer.post("/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now().plusDays(30).toString()));

        assertProblem(response, HttpStatus.CONFLICT, "UAH of the unit's budget is available");
        assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/insufficient-budget");
        assertThat(db.queryForObject("select count(*) from purchase_order", Integer.class)).isEqualTo(ordersBefore);
        assertThat(stockOf("STP-DROP")).isEqualTo(stockBefore);
        assertThat(orderer.get("/api/cart").getBody().get("lines")).hasSize(2);
    }

    @Test
    void aTransitionOutOfOrderIsRefusedAndChangesNothing() {
        JsonNode order = orderer.post("/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now().plusDays(30).toString())).getBody().at("/orders/0");
        String number = order.get("orderNumber").asText();
        orderer.post("/api/documents/" + order.get("documentId").asLong() + "/development-signatures", null);
        JsonNode budget = orderer.get("/api/budget").getBody();
        int stock = stockOf("STP-DROP");

        ResponseEntity<JsonNode> response = orderer.post("/api/orders/" + number + "/cancellation", null);

        assertProblem(response, HttpStatus.CONFLICT, "cannot go from FORMED to CANCELLED");
        assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(orderer.get("/api/orders/" + number).getBody().get("status").asText()).isEqualTo("FORMED");
        assertThat(orderer.get("/api/budget").getBody()).isEqualTo(budget);
        assertThat(stockOf("STP-DROP")).isEqualTo(stock);
    }

    @Test
    void anUnsignedOrderCancelledByItsCreatorReleasesBudgetAndStock() {
        JsonNode budget = orderer.get("/api/budget").getBody();
        int stock = stockOf("STP-DROP");
        String number = orderer.post("/api/cart/checkout", Map.of("requiredBy", LocalDate.now().plusDays(30)
                .toString())).getBody().at("/orders/0/orderNumber").asText();
        assertThat(stockOf("STP-DROP")).isEqualTo(stock - 2);

        JsonNode cancelled = orderer.post("/api/orders/" + number + "/cancellation", null).getBody();

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(stockOf("STP-DROP")).isEqualTo(stock);
        assertThat(orderer.get("/api/budget").getBody().get("available").decimalValue())
                .isEqualByComparingTo(budget.get("available").decimalValue());
    }

    private HttpHeaders withToken(HttpHeaders headers) {
        headers.addAll(orderer.headers());
        return headers;
    }

    private void assertCartHoldsTwoDrops() {
        JsonNode lines = orderer.get("/api/cart").getBody().get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("quantity").asInt()).isEqualTo(2);
    }

    private int stockOf(String code) {
        return db.queryForObject("select stock from product where code = ?", Integer.class, code);
    }
}

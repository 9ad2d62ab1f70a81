package org.dotchain.hub.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.delivery.Deliveries;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A unit rates a product once per order, and only what it received and authorised for use; the product card shows
 * the average and the count, its supplier sees the scores and comments without the unit.
 */
@HubIntegrationTest
class RatingTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    Deliveries deliveries;
    @Autowired
    ApiClient api;

    @Test
    void aUnitRatesWhatItReceivedOnceAndItsSupplierSeesTheScoreWithoutTheUnit() {
        ApiClient.As unit = api.as("orderer.a2002");
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 1)).getOrderNumber();
        placement.form(orderNumber);
        Map<String, Object> rating = Map.of("productCode", "SKF-FPV10", "score", 4, "comment", "Good link, short flight");
        assertProblem(unit.post("/api/orders/" + orderNumber + "/ratings", rating), HttpStatus.CONFLICT,
                "not authorised for use yet");

        JsonNode receipt = deliveries.shipAndReceive(orderNumber, "skyforge", 1, unit);
        assertProblem(unit.post("/api/orders/" + orderNumber + "/ratings", rating), HttpStatus.CONFLICT,
                "not authorised for use yet");
        unit.post("/api/documents/" + receipt.at("/invoice/documentId").asLong() + "/development-signatures", null);
        int before = unit.get("/api/products/SKF-FPV10").getBody().at("/rating/count").asInt();

        assertThat(unit.post("/api/orders/" + orderNumber + "/ratings", rating).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertProblem(unit.post("/api/orders/" + orderNumber + "/ratings", rating), HttpStatus.CONFLICT,
                "rated SKF-FPV10 already");
        JsonNode card = unit.get("/api/products/SKF-FPV10").getBody();
        assertThat(card.at("/rating/count").asInt()).isEqualTo(before + 1);
        assertThat(card.at("/rating/average").decimalValue()).isBetween(BigDecimal.ONE,
                BigDecimal.valueOf(5));

        JsonNode seen = api.as("skyforge.agent").get("/api/products/SKF-FPV10/ratings").getBody();
        assertThat(seen.findValuesAsText("comment")).contains("Good link, short flight");
        assertThat(seen.toString()).doesNotContain("A2002").doesNotContain("orderer");
        assertProblem(api.as("viriy.agent").get("/api/products/SKF-FPV10/ratings"), HttpStatus.NOT_FOUND,
                "No product SKF-FPV10 of yours");
        assertThat(unit.get("/api/products/SKF-FPV10/ratings").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRatingIsRefusedWithTheFieldAtFaultAndNobodyRatesAnotherUnitsOrder() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 1)).getOrderNumber();

        ApiClient.As unit = api.as("orderer.a2002");
        JsonNode tooHigh = unit.post("/api/orders/" + orderNumber + "/ratings",
                Map.of("productCode", "SKF-FPV10", "score", 6)).getBody();
        assertThat(tooHigh.path("field").asText()).isEqualTo("score");
        assertThat(unit.post("/api/orders/" + orderNumber + "/ratings", Map.of("productCode", "SKF-FPV10",
                "score", 3, "comment", "x".repeat(1001))).getBody().path("field").asText()).isEqualTo("comment");
        assertThat(unit.post("/api/orders/" + orderNumber + "/ratings", Map.of("productCode", "VRY-SCOUT",
                "score", 3)).getBody().path("field").asText()).isEqualTo("productCode");
        assertProblem(api.as("orderer.a1001").post("/api/orders/" + orderNumber + "/ratings",
                Map.of("productCode", "SKF-FPV10", "score", 3)), HttpStatus.NOT_FOUND, "No order " + orderNumber);
    }
}

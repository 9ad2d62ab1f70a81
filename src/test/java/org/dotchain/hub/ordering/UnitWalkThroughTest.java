package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole unit side over the API on real PostgreSQL: access granted, activation with TOTP, the showcase, the
 * cart, checkout into an order and a pre-order, the order signed by its creator and formed with its outbox row.
 */
@HubIntegrationTest
class UnitWalkThroughTest {

    @Autowired
    Onboarding onboarding;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    @Test
    void fromAccessToAFormedOrder() {
        ApiClient.As orderer = onboarding.loggedIn(onboarding.designateAndActivate("A3003", "ORDERER"));

        JsonNode thermal = orderer.get("/api/products?type=FPV&spec.camera=thermal").getBody();
        assertThat(thermal.get("content")).extracting(product -> product.get("code").asText())
                .containsExactly("SKF-NIGHT7");
        JsonNode inStockFpv = orderer.get("/api/products?type=FPV&inStock=true&maxPrice=20000").getBody();
        assertThat(inStockFpv.get("content")).extracting(product -> product.get("code").asText())
                .containsExactly("SKF-FPV7");
        JsonNode budgetBefore = orderer.get("/api/budget").getBody();

        orderer.put("/api/cart/lines/SKF-FPV7", Map.of("quantity", 2));
        JsonNode cart = orderer.put("/api/cart/lines/SKF-NIGHT7", Map.of("quantity", 3)).getBody();
        assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("126200.00");
        assertThat(cart.get("exceedsBudget").asBoolean()).isFalse();

        JsonNode checkout = orderer.post("/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now(clock).plusDays(40).toString())).getBody();
        JsonNode order = checkout.at("/orders/0");
        JsonNode preOrder = checkout.at("/preOrders/0");
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(order.at("/lines/0/productCode").asText()).isEqualTo("SKF-FPV7");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("29000.00");
        assertThat(preOrder.get("status").asText()).isEqualTo("AWAITING_SUPPLIER_ANSWER");
        assertThat(preOrder.get("kind").asText()).isEqualTo("PRE_ORDER");
        assertThat(preOrder.get("total").decimalValue()).isEqualByComparingTo("97200.00");
        assertThat(db.queryForObject("select message_type from outbox_message where correlation_id = ?",
                String.class, preOrder.get("orderNumber").asText())).isEqualTo("PRE_ORDER_REQUEST");
        assertThat(orderer.get("/api/cart").getBody().get("lines")).isEmpty();

        JsonNode signed = orderer.post("/api/documents/" + order.get("documentId").asLong() + "/development-signatures",
                null).getBody();
        assertThat(signed.get("signingStatus").asText()).isEqualTo("COMPLETED");

        JsonNode formed = orderer.get("/api/orders/" + order.get("orderNumber").asText()).getBody();
        assertThat(formed.get("status").asText()).isEqualTo("FORMED");
        assertThat(formed.get("shipBy").asText()).isEqualTo(LocalDate.now(clock).plusDays(7).toString());
        assertThat(formed.get("history")).extracting(change -> change.get("to").asText())
                .containsExactly("AWAITING_SIGNATURE", "FORMED");
        assertThat(db.queryForObject("select message_type from outbox_message where correlation_id = ?",
                String.class, order.get("orderNumber").asText())).isEqualTo("ORDER");
        JsonNode formedList = orderer.get("/api/orders?status=FORMED").getBody();
        assertThat(formedList.get("content")).extracting(found -> found.get("orderNumber").asText())
                .contains(order.get("orderNumber").asText());

        JsonNode budgetAfter = orderer.get("/api/budget").getBody();
        assertThat(budgetAfter.get("committed").decimalValue())
                .isEqualByComparingTo(budgetBefore.get("committed").decimalValue().add(new java.math.BigDecimal("29000.00")));
        assertThat(budgetAfter.get("reserved").decimalValue())
                .isEqualByComparingTo(budgetBefore.get("reserved").decimalValue().add(new java.math.BigDecimal("97200.00")));
        assertThat(budgetAfter.get("available").decimalValue())
                .isEqualByComparingTo(budgetBefore.get("available").decimalValue().subtract(new java.math.BigDecimal("126200.00")));
        assertThat(orderer.post("/api/documents/" + order.get("documentId").asLong() + "/development-signatures",
                null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}

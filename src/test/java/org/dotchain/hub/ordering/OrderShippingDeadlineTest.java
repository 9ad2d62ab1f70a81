package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.Deadlines;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.Onboarding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@HubIntegrationTest
class OrderShippingDeadlineTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    Onboarding onboarding;
    @Autowired
    ApiClient api;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate db;

    @Test
    void anOrderNotShippedInSevenDaysIsFlaggedAndAlertedOnce() {
        Onboarding.Newcomer newcomer = onboarding.designateAndActivate("A3003", "ORDERER");
        ApiClient.As orderer = onboarding.loggedIn(newcomer);
        orderer.put("/api/cart/lines/VRY-MAPPER", Map.of("quantity", 1));
        JsonNode order = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        orderer.post("/api/documents/" + order.get("documentId").asLong() + "/development-signatures", null);
        String number = order.get("orderNumber").asText();

        clock.advance(Duration.ofDays(8));
        runDeadlineRoute();
        runDeadlineRoute();

        orderer = onboarding.loggedIn(newcomer);
        assertThat(orderer.get("/api/orders/" + number).getBody().get("overdueSince").asText()).isNotBlank();
        assertThat(alertsFor(orderer, number)).isEqualTo(1);
        assertThat(alertsFor(api.as("operator"), number)).isEqualTo(1);
        assertThat(alertsFor(api.as("viriy.agent"), number)).isEqualTo(1);
        assertThat(alertsFor(api.as("orderer.a1001"), number)).isZero();
        assertThat(alertsFor(api.as("skyforge.agent"), number)).isZero();
    }

    private void runDeadlineRoute() {
        deadlines.fire("order-shipping-deadline");
    }

    private static long alertsFor(ApiClient.As person, String orderNumber) {
        long count = 0;
        for (JsonNode alert : person.get("/api/alerts").getBody()) {
            if (alert.get("subjectId").asText().equals(orderNumber) && alert.get("kind").asText().equals("ORDER_NOT_SHIPPED")) {
                count++;
            }
        }
        return count;
    }
}

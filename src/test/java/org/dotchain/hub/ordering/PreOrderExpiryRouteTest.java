package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

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
class PreOrderExpiryRouteTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    Onboarding onboarding;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate db;

    @Test
    void theScheduledRouteExpiresAnOverduePreOrder() {
        ApiClient.As orderer = onboarding.loggedIn(onboarding.designateAndActivate("A1001", "ORDERER"));
        orderer.put("/api/cart/lines/STP-CARGO", Map.of("quantity", 1));
        String number = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/preOrders/0/orderNumber").asText();
        clock.advance(Duration.ofDays(6));

        deadlines.fire("pre-order-expiry");

        assertThat(db.queryForObject("select status from purchase_order where order_number = ?", String.class, number))
                .isEqualTo("EXPIRED");
    }
}

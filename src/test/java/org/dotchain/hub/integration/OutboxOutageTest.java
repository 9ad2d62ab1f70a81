package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.HierarchicalRepository;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.platform.BrokerSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One partner's queue the hub cannot send to (here the broker refuses the hub's sends to Skyforge's orders for a
 * while) costs no other partner anything: Steppe's order goes out meanwhile, Skyforge's waits and goes once the
 * queue takes messages again; Skyforge shows DOWN with the reason in the health details and an alert is raised.
 */
@HubIntegrationTest
class OutboxOutageTest {

    static final String SKYFORGE_ORDERS = "supplier.skyforge.orders";

    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ApiClient api;

    @Test
    void aQueueThatRefusesTheHubHoldsBackOnlyItsOwnMessages() {
        HierarchicalRepository<Set<Role>> security = broker.getActiveMQServer().getSecurityRepository();
        Set<Role> usual = security.getMatch(SKYFORGE_ORDERS);
        security.addMatch(SKYFORGE_ORDERS, Set.of(BrokerSecurity.role(BrokerSecurity.HUB_ROLE,
                EnumSet.complementOf(EnumSet.of(CheckType.SEND)))));
        try {
            String skyforge = formed("SKF-FPV7");
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingSince(SKYFORGE_ORDERS) != null);
            String steppe = formed("STP-DROP");

            await().atMost(Duration.ofSeconds(10)).until(() -> sent(steppe));
            assertThat(sent(skyforge)).as("Skyforge's order waits").isFalse();
            JsonNode health = api.as("operator").get("/actuator/health").getBody();
            // steppe's own system is not running for this test: its connector may be down too by now
            JsonNode readiness = api.as("operator").get("/actuator/health/readiness").getBody();
            assertThat(readiness.path("status").asText()).as("the hub itself: %s", readiness).isEqualTo("UP");
            assertThat(health.at("/components/partners/details/skyforge/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/partners/details/skyforge/" + SKYFORGE_ORDERS + "/reason").asText())
                    .contains("permission");
            assertThat(health.at("/components/partners/details/steppe/supplier.steppe.orders").isMissingNode())
                    .as("Steppe's queue takes its messages").isTrue();
            assertThat(db.queryForObject("select count(*) from alert where kind = 'PARTNER_UNREACHABLE' "
                    + "and subject_id like ?", Integer.class, SKYFORGE_ORDERS + " since %")).isEqualTo(1);
        } finally {
            security.addMatch(SKYFORGE_ORDERS, usual);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> waitingSince(SKYFORGE_ORDERS) == null);
        assertThat(db.queryForObject("select count(*) from outbox_message where destination = ? and sent_at is null",
                Integer.class, SKYFORGE_ORDERS)).as("Skyforge's orders went once it took them").isZero();
        assertThat(api.as("operator").get("/actuator/health").getBody()
                .at("/components/partners/details/skyforge/status").asText()).isEqualTo("UP");
    }

    private String formed(String product) {
        String orderNumber = placement.placeInStockOrder("A3003", Map.of(product, 1)).getOrderNumber();
        placement.form(orderNumber);
        return orderNumber;
    }

    private boolean sent(String orderNumber) {
        return db.queryForObject("select bool_and(sent_at is not null) from outbox_message where correlation_id = ?",
                Boolean.class, orderNumber);
    }

    private Object waitingSince(String destination) {
        return db.queryForList("select since from outbox_pause where destination = ?", destination).stream()
                .findFirst().orElse(null);
    }
}

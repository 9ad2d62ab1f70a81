package org.dotchain.hub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.ReferenceSystems;
import org.dotchain.hub.integration.SupplierSystemDown;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier whose own system is down: its connector turns DOWN with the reason, the hub stays UP and ready, the
 * order waits as a dead letter; once the system is back, the operator's replay delivers it and the connector is UP.
 */
@HubIntegrationTest
class ConnectorHealthTest {

    static final String DEAD_LETTERS = "supplier.steppe.orders.DLQ";

    @Autowired
    ApiClient api;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SupplierSystemDown down;
    @Autowired
    ReferenceSystems reference;
    @Autowired
    JdbcTemplate db;

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @Test
    void aSupplierWhoseSystemIsDownIsDownAloneAndItsOrderGoesOnceItIsBack() {
        String order = down.orderForSteppe();
        ApiClient.As operator = api.as("operator");

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(operator, order),
                found -> found != null);
        JsonNode steppe = partner(operator, "steppe");
        assertThat(steppe.path("status").asText()).isEqualTo("DOWN");
        assertThat(steppe.at("/system/reason").asText()).isEqualTo("its system refused the connection");
        assertThat(steppe.at("/system/failedAttempts").asInt()).as("the first attempt and its retries")
                .isGreaterThanOrEqualTo(3);
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("status").asText())
                .as("the hub itself").isEqualTo("UP");
        assertThat(http.getForObject("/actuator/health/readiness", JsonNode.class).path("status").asText())
                .as("ready for every other partner").isEqualTo("UP");
        assertThat(partner(operator, "viriy").path("status").asText()).isEqualTo("UP");

        reference.start();
        assertThat(operator.post("/api/operations/dead-letters/" + DEAD_LETTERS + "/"
                + letter.path("jmsMessageId").asText() + "/replay", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> !"FORMED".equals(db.queryForObject(
                "select status from purchase_order where order_number = ?", String.class, order)));
        assertThat(partner(operator, "steppe").path("status").asText()).isEqualTo("UP");
        assertThat(partner(operator, "steppe").at("/system/lastSuccess").asText()).isNotEqualTo("null");
    }

    private static JsonNode partner(ApiClient.As operator, String code) {
        return operator.get("/actuator/health").getBody().at("/components/partners/details/" + code);
    }

    private static JsonNode deadLetterOf(ApiClient.As operator, String order) {
        return StreamSupport.stream(operator.get("/api/operations/dead-letters").getBody().spliterator(), false)
                .filter(letter -> letter.path("queue").asText().equals(DEAD_LETTERS)
                        && letter.path("body").asText().contains(order))
                .findFirst().orElse(null);
    }
}

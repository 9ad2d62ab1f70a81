package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** While the hub is not ready to take traffic, partners and people are told to come back, not refused. */
@HubIntegrationTest
class StartingGateTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void ready() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void aHubNotReadyAnswers503WithRetryAfterAndHealthStillAnswers() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> supplier = http.postForEntity("/api/suppliers/steppe/messages",
                new HttpEntity<>("{}", json), JsonNode.class);
        assertThat(supplier.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(supplier.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(supplier.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(supplier.getBody().get("type").asText()).isEqualTo("/problems/starting");
        assertThat(http.postForEntity("/services/suppliers/viriy", new HttpEntity<>("<x/>", json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(http.getForEntity("/api/products", String.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // the probes answer, not the gate: alive, and not ready until the gate opens
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody().path("status").asText()).isEqualTo("OUT_OF_SERVICE");

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(http.postForEntity("/api/suppliers/steppe/messages", new HttpEntity<>("{}", json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}

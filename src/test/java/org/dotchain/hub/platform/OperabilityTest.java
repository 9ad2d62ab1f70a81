package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@HubIntegrationTest
class OperabilityTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthReportsDatabaseBrokerAndCamel() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = response.getBody();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.at("/components/jms/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jms/details/provider").asText()).contains("ActiveMQ");
        assertThat(health.at("/components/camelHealth/status").asText()).isEqualTo("UP");
    }

    @Test
    void publishesTheOpenApiDescription() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/paths").has("/api/products")).isTrue();
        assertThat(api.at("/paths").has("/api/products/{code}")).isTrue();
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/documents/{documentId}", "/api/documents/{documentId}/pdf",
                "/api/documents/{documentId}/signing-requests",
                "/api/documents/{documentId}/signing-requests/{requestId}/signature",
                "/api/documents/{documentId}/development-signatures",
                "/api/documents/{documentId}/verification-report", "/api/auth/tokens", "/api/auth/me",
                "/api/activations", "/api/activations/confirmation", "/api/admin/units/{unitCode}/request-letters",
                "/api/admin/units/{unitCode}/designation-letters", "/api/admin/persons/{username}/trainings",
                "/api/admin/units/{unitCode}/access", "/api/admin/staff", "/api/budget", "/api/cart",
                "/api/cart/lines/{productCode}", "/api/cart/checkout", "/api/orders", "/api/orders/{orderNumber}",
                "/api/orders/{orderNumber}/cancellation");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/components/schemas/Credentials/properties/totpCode/example").asText()).isEqualTo("123456");
    }
}

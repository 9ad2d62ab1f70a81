package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.ApiClient;
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
    @Autowired
    ApiClient api;

    @Test
    void healthReportsDatabaseBrokerAndCamelToAnOperatorAndOnlyItsStatusToAnyone() {
        JsonNode anyone = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(anyone.path("status").asText()).isEqualTo("UP");
        assertThat(anyone.has("components")).as("what is wrong is for an operator").isFalse();
        assertThat(api.as("orderer.a1001").get("/actuator/health").getBody().has("components"))
                .as("a person logged in, not an operator").isFalse();
        ResponseEntity<JsonNode> component = http.getForEntity("/actuator/health/db", JsonNode.class);
        assertThat(component.getBody() == null || !component.getBody().has("details"))
                .as("a component's details, asked for by name: %s", component.getBody()).isTrue();
        for (String probe : new String[] {"liveness", "readiness"}) {
            assertThat(http.getForObject("/actuator/health/" + probe, JsonNode.class).path("status").asText())
                    .as(probe).isEqualTo("UP");
        }
        assertThat(api.as("operator").get("/actuator/health/readiness").getBody().path("components")
                .fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db", "jms");

        ResponseEntity<JsonNode> response = api.as("operator").get("/actuator/health");

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

    @Test
    void describesThePartnersEndpointsAndEveryRefusal() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        JsonNode suppliers = api.at("/paths/~1api~1suppliers~1{supplier}~1messages/post");
        assertThat(suppliers.path("operationId").asText()).isEqualTo("sendMessageToHub");
        assertThat(suppliers.at("/security/0").has("partnerSignature")).isTrue();
        assertThat(suppliers.path("responses").fieldNames()).toIterable()
                .contains("202", "401", "404", "409", "422", "503");
        assertThat(suppliers.at("/requestBody/content/application~1json/schema/oneOf/0/$ref").asText())
                .isEqualTo("/contracts/order-response-v1.schema.json");
        assertThat(api.at("/paths/~1api~1finance~1messages/post/security/0").has("partnerSignature")).isTrue();
        assertThat(api.at("/components/securitySchemes/partnerSignature/name").asText()).isEqualTo("X-Hub-Signature");
        assertThat(api.at("/components/responses/SuppliersProblem/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/SuppliersProblem");
        assertThat(http.getForEntity("/contracts/order-response-v1.schema.json", JsonNode.class).getBody()
                .at("/properties/messageType/const").asText()).as("the schema the description names, served")
                .isEqualTo("ORDER_RESPONSE");

        JsonNode order = api.at("/paths/~1api~1orders~1{orderNumber}/get/responses");
        assertThat(order.fieldNames()).toIterable().contains("200", "401", "403", "404");
        assertThat(order.at("/404/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1cart~1checkout/post/responses").fieldNames()).toIterable().contains("400");
    }
}

package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The published contracts are well-formed and name only schemas that exist beside them. */
class ContractsTest {

    @Test
    void theRestContractDescribesBothDirectionsWithTheJsonSchemas() throws IOException {
        Map<String, Object> openApi;
        try (InputStream in = resource("connectors/contracts/supplier-messages-v1.openapi.yaml")) {
            openApi = new Yaml().load(in);
        }
        JsonNode api = new ObjectMapper().valueToTree(openApi);

        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/servers/0/url").asText()).isEqualTo("/api/suppliers");
        assertThat(api.at("/paths").has("/{supplier}/messages")).isTrue();
        assertThat(api.at("/paths").has("/hub/messages")).isTrue();
        List<String> schemas = new ArrayList<>();
        api.findValues("$ref").forEach(ref -> {
            if (ref.asText().endsWith(".schema.json")) {
                schemas.add(ref.asText());
            }
        });
        assertThat(schemas).hasSize(11);
        for (String schema : schemas) {
            try (InputStream in = resource("connectors/contracts/" + schema)) {
                assertThat(new ObjectMapper().readTree(in).get("$schema").asText()).as(schema)
                        .contains("json-schema.org");
            }
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}

package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        assertThat(schemas).hasSize(14);
        for (String schema : schemas) {
            try (InputStream in = resource("connectors/contracts/" + schema)) {
                assertThat(new ObjectMapper().readTree(in).get("$schema").asText()).as(schema)
                        .contains("json-schema.org");
            }
        }
    }

    /**
     * Every contract is what it says it is: each OpenAPI document a valid OpenAPI 3.1 document (3.1, because its
     * schemas are JSON Schema 2020-12), each JSON Schema valid against the 2020-12 meta-schema it names.
     */
    @ParameterizedTest
    @ValueSource(strings = {"supplier-messages-v1.openapi.yaml", "finance-v1.openapi.yaml"})
    void eachOpenApiDocumentIsValidOpenApi31(String contract) throws IOException {
        String text;
        try (InputStream in = resource("connectors/contracts/" + contract)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(parsed.getOpenAPI()).as("%s parses", contract).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getMessages()).as("what the validator finds wrong in %s", contract).isEmpty();
    }

    @Test
    void eachJsonSchemaIsValidJsonSchema202012() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> schemas;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("connectors/contracts"))) {
            schemas = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .sorted().toList();
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(14);
        for (String schema : schemas) {
            JsonNode node;
            try (InputStream in = resource("connectors/contracts/" + schema)) {
                node = new ObjectMapper().readTree(in);
            }
            assertThat(node.path("$schema").asText()).as(schema).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(metaSchema.validate(node)).as("what the meta-schema finds wrong in %s", schema).isEmpty();
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}

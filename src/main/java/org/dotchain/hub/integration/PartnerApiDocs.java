package org.dotchain.hub.integration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The partners' own endpoints in the hub's API description, from their contracts (connectors/contracts/*.openapi.yaml),
 * which the Camel REST routes serve and Spring does not see: each operation the hub serves, under its path, signed
 * with the partner's key (security scheme partnerSignature), with every refusal it answers. The message schemas are
 * the contract's JSON Schemas, served beside it at /contracts/.
 */
@Component
class PartnerApiDocs implements OpenApiCustomizer, WebMvcConfigurer {

    static final String SIGNATURE = "partnerSignature";
    /** Contract, the prefix its components get here, and the operation of it that the hub serves. */
    private static final List<String[]> CONTRACTS = List.of(
            new String[] {"supplier-messages-v1.openapi.yaml", "Suppliers", "sendMessageToHub"},
            new String[] {"finance-v1.openapi.yaml", "Finance", "sendFinanceMessageToHub"});

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/contracts/**").addResourceLocations("classpath:/connectors/contracts/");
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSecuritySchemes(SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(RequestSignatures.SIGNATURE)
                .description("A partner's request is signed with its own key, not a login: X-Hub-Timestamp is the "
                        + "time in epoch seconds, X-Hub-Signature Base64(HMAC-SHA256(key, timestamp + \"\\n\" + "
                        + "body)); see connectors/README.md"));
        for (String[] contract : CONTRACTS) {
            add(api, read(contract[0]), contract[1], contract[2]);
        }
    }

    private static void add(OpenAPI api, OpenAPI contract, String prefix, String served) {
        String server = contract.getServers().get(0).getUrl();
        contract.getPaths().forEach((path, item) -> item.readOperations().stream()
                .filter(operation -> served.equals(operation.getOperationId()))
                .forEach(operation -> {
                    rename(operation, prefix);
                    operation.addTagsItem("partners");
                    operation.setSecurity(List.of(new SecurityRequirement().addList(SIGNATURE)));
                    api.path(server + path, new PathItem().post(operation));
                }));
        var components = contract.getComponents();
        if (components.getParameters() != null) {
            components.getParameters().forEach((name, parameter) ->
                    api.getComponents().addParameters(prefix + name, parameter));
        }
        if (components.getResponses() != null) {
            components.getResponses().forEach((name, response) -> {
                rename(response, prefix);
                api.getComponents().addResponses(prefix + name, response);
            });
        }
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> {
                rename(schema, prefix);
                api.getComponents().addSchemas(prefix + name, schema);
            });
        }
    }

    /** The contract's references as they read here: its components with their prefix, its schema files served. */
    private static void rename(Operation operation, String prefix) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.get$ref() != null) {
                    parameter.set$ref(renamed(parameter.get$ref(), prefix));
                }
            }
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> rename(media, prefix));
        }
        operation.getResponses().values().forEach(response -> rename(response, prefix));
    }

    private static void rename(ApiResponse response, String prefix) {
        if (response.get$ref() != null) {
            response.set$ref(renamed(response.get$ref(), prefix));
        }
        if (response.getContent() != null) {
            response.getContent().values().forEach(media -> rename(media, prefix));
        }
    }

    private static void rename(MediaType media, String prefix) {
        rename(media.getSchema(), prefix);
    }

    @SuppressWarnings("rawtypes")
    private static void rename(Schema schema, String prefix) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            schema.set$ref(renamed(schema.get$ref(), prefix));
        }
        if (schema.getOneOf() != null) {
            for (Object one : schema.getOneOf()) {
                rename((Schema) one, prefix);
            }
        }
        if (schema.getProperties() != null) {
            for (Object property : schema.getProperties().values()) {
                rename((Schema) property, prefix);
            }
        }
        rename(schema.getItems(), prefix);
    }

    private static String renamed(String ref, String prefix) {
        if (ref.startsWith("#/components/")) {
            int last = ref.lastIndexOf('/') + 1;
            return ref.substring(0, last) + prefix + ref.substring(last);
        }
        String file = ref.startsWith("./") ? ref.substring(2) : ref;
        return file.contains("/") ? file : "/contracts/" + file;
    }

    private static OpenAPI read(String contract) {
        try (InputStream in = new ClassPathResource("connectors/contracts/" + contract).getInputStream()) {
            ParseOptions options = new ParseOptions();
            options.setResolve(false);
            OpenAPI parsed = new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    null, options).getOpenAPI();
            if (parsed == null) {
                throw new IllegalStateException("connectors/contracts/" + contract + " is not an OpenAPI document");
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

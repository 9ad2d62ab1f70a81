package org.dotchain.hub.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API description: every endpoint takes the bearer token from POST /api/auth/tokens, and says which refusals
 * it can answer, each problem+json with its stable type.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "dotchain-hub API", version = "1",
                description = "Units order drones from the showcase and pay from their DPA budget; suppliers, "
                        + "signatories and the DPA sign the documents of the supply cycle. Log in with password and "
                        + "TOTP code at POST /api/auth/tokens, then send 'Authorization: Bearer <token>'. "
                        + "Refusals are application/problem+json with a stable type."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> api.getComponents().addSchemas("Problem", new ObjectSchema()
                .description("RFC 9457 problem details; act on type, which is stable, not on detail")
                .addProperty("type", new StringSchema().example("/problems/invalid-field"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("quantity must be at least 1"))
                .addProperty("field", new StringSchema().description("the field at fault, where there is one")));
    }

    /**
     * The refusals every operation can answer, by what it takes: a login (401 unauthenticated, 403 forbidden), a
     * body or parameters (400 invalid-field, invalid-request, malformed-body), something named in its path (404
     * not-found); an operation's own refusals (409, 422) are on the operation.
     */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (!open) {
                refusal(operation, "401", "/problems/unauthenticated: no valid bearer token");
                refusal(operation, "403", "/problems/forbidden: the caller's roles do not allow this");
            }
            var parameters = Arrays.stream(handler.getMethodParameters()).toList();
            if (parameters.stream().anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestParam.class))) {
                refusal(operation, "400", "/problems/invalid-field, /problems/invalid-request or "
                        + "/problems/malformed-body: the request cannot be taken as it is; field names the field");
            }
            if (parameters.stream().anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class))) {
                refusal(operation, "404", "/problems/not-found: nothing of that name the caller may see");
            }
            return operation;
        };
    }

    private static void refusal(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses();
        if (responses.containsKey(status)) {
            return;
        }
        Schema<?> problem = new Schema<>().$ref(PROBLEM);
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem))));
    }
}

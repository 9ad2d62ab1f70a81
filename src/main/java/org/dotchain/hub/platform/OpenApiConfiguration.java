package org.dotchain.hub.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API description: every endpoint takes the bearer token from POST /api/auth/tokens. */
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
}

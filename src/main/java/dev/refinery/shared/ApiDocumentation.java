package dev.refinery.shared;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title of the OpenAPI document at /v3/api-docs and how every call signs in. */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Refinery API", version = "v1",
        description = "Backlog refinement: teams, backlog items, the ranked queue, meetings and planning poker."),
        security = { @SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic") })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token, created on the account page or with POST /api/v1/me/tokens.")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Email and password; the administrator may turn it off (refinery.api.http-basic=false).")
class ApiDocumentation {
}

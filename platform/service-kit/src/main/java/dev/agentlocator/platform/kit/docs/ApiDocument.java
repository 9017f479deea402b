package dev.agentlocator.platform.kit.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springframework.boot.info.BuildProperties;

/**
 * The heading of every service's OpenAPI document: which service it is, which build, and how a
 * caller authenticates (a bearer JWT from crm's login), so that a generated client or an operator
 * reading it does not have to guess. Paths that need no token say so on their own operations.
 */
public final class ApiDocument {

    public static final String BEARER = "bearer";

    private ApiDocument() {}

    public static OpenAPI of(String application, Optional<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info()
                        .title("AgentLocator " + application)
                        .description("The " + application + " API of AgentLocator, reached through the gateway"
                                + " at /api/**. Errors are JSON: {\"error\": code, \"message\": Hebrew text}.")
                        .version(build.map(BuildProperties::getVersion).orElse("development")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("the access token from POST /api/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}

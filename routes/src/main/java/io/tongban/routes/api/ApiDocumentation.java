package io.tongban.routes.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title, version and security scheme (bearer JWT) the served OpenAPI document carries. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI tongbanOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Tongban Bus API")
                .version("v1")
                .description("One versioned API over the departments' line systems: merged person and legal-entity "
                        + "records with provenance and conflicts, and identity verification. Errors are problem+json "
                        + "(RFC 9457) with a stable `code`. Every operation needs a bearer token (JWT, ES256) whose "
                        + "roles cover it, except health, this document, trust anchors, CRLs and the latest log "
                        + "checkpoint.")
                .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

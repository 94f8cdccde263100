package io.tongban.routes.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and version the served OpenAPI document carries. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI tongbanOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Tongban Bus API")
                .version("v1")
                .description("One versioned API over the departments' line systems: merged person and legal-entity "
                        + "records with provenance and conflicts, and identity verification. Errors are problem+json "
                        + "(RFC 9457) with a stable `code`.")
                .license(new License().name("Apache-2.0")));
    }
}

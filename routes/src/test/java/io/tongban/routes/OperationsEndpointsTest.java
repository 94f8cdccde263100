package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/** What operators and API clients read about the bus itself. */
class OperationsEndpointsTest extends SandboxedBusTest {

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("While the bus is not ready (starting, stopping), the API answers 503 bus.not_ready and health says so")
    void notReadyIs503() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Answer answer = get("/api/v1/persons/440305198304261274");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().path("code").asText()).isEqualTo("bus.not_ready");
            assertThat(get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get("/api/v1/persons/440305198304261274").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("The OpenAPI document describes the versioned lookup and identity-check operations")
    void openApiDocument() {
        Answer answer = get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("info").path("title").asText()).isEqualTo("Tongban Bus API");
        assertThat(answer.body().path("paths").has("/api/v1/persons/{idNumber}")).isTrue();
        assertThat(answer.body().path("paths").has("/api/v1/legal-entities/{creditCode}")).isTrue();
        assertThat(answer.body().path("paths").has("/api/v1/identity-checks")).isTrue();
    }

    @Test
    @DisplayName("The bus's own request mappings are asked before the actuator's, and both answer their paths")
    void ownMappingsFirst() {
        assertThat(send(anonymousRequest("/actuator/health").build()).status()).isEqualTo(200);
        assertThat(get("/api/v1/persons/440305198304261274").status()).isEqualTo(200);

        assertThat(context.getBean(DispatcherServlet.class).getHandlerMappings()).first()
                .isSameAs(context.getBean("requestMappingHandlerMapping"));
    }

    @Test
    @DisplayName("Health is UP with the database, the broker and Camel; metrics and Prometheus are served")
    void healthAndMetrics() {
        Answer health = send(anonymousRequest("/actuator/health").build()); // public: probes carry no token

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").has("db")).isTrue();
        assertThat(health.body().path("components").has("jms")).isTrue();
        assertThat(get("/actuator/metrics").body().path("names").toString()).contains("http.server.requests");
        // Metrics are the operators' (ADMIN), not the API clients'.
        assertThat(send(anonymousRequest("/actuator/prometheus").build()).status()).isEqualTo(401);
        assertThat(send(anonymousRequest("/actuator/metrics").header("Authorization", "Bearer " + token(Role.PLATFORM))
                .build()).status()).isEqualTo(403);
    }
}

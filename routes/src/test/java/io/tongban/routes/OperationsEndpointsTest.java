package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What operators and API clients read about the bus itself. */
class OperationsEndpointsTest extends SandboxedBusTest {

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
    @DisplayName("Health is UP with the database, the broker and Camel; metrics and Prometheus are served")
    void healthAndMetrics() {
        Answer health = get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").has("db")).isTrue();
        assertThat(health.body().path("components").has("jms")).isTrue();
        assertThat(get("/actuator/metrics").body().path("names").toString()).contains("http.server.requests");
    }
}

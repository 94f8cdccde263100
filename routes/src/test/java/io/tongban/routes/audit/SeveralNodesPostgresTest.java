package io.tongban.routes.audit;

import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two nodes on one PostgreSQL, as in production; a schema of its own per run. */
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
class SeveralNodesPostgresTest extends SeveralNodesScenarios {

    private static final String SCHEMA = "nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("TONGBAN_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv("TONGBAN_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}

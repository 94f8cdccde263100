package io.tongban.routes.audit;

import io.tongban.routes.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two nodes on one PostgreSQL, as in production; a schema of its own per run. */
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
class SeveralNodesPostgresTest extends SeveralNodesScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.freshSchema(registry, "nodes");
    }
}

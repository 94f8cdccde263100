package io.tongban.routes.audit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two nodes on one H2 database (as two processes on one H2 server would share it). */
class SeveralNodesTest extends SeveralNodesScenarios {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:several-nodes;DB_CLOSE_DELAY=-1");
    }
}

package io.tongban.routes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tampering scenarios on the embedded default, an H2 database (of this class's own). */
class ExchangeLogTamperTest extends ExchangeLogTamperScenarios {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:tamper-test;DB_CLOSE_DELAY=-1");
    }

    @Override
    protected void allowTampering() {
        // H2 has no append-only triggers: anyone with the database can change it, and verification must catch it
    }
}

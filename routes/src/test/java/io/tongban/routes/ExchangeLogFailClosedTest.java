package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.seed.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An exchange that cannot be logged is refused, never served unlogged; once the log can be written, service resumes. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExchangeLogFailClosedTest extends SandboxedBusTest {

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:fail-closed-test;DB_CLOSE_DELAY=-1");
    }

    @Test
    @DisplayName("With the log's table gone, a lookup answers 503 audit.unavailable without the record; restored, it answers 200")
    void refusedWhenTheLogCannotBeWritten() {
        Person person = SeedSubjects.personInEverySource();
        jdbc.execute("ALTER TABLE audit_entry RENAME TO audit_entry_away");
        try {
            Answer refused = get("/api/v1/persons/" + person.identityNumber());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("code").asText()).isEqualTo("audit.unavailable");
            assertThat(refused.body().toString()).doesNotContain(person.name());
        } finally {
            jdbc.execute("ALTER TABLE audit_entry_away RENAME TO audit_entry");
        }

        Answer served = get("/api/v1/persons/" + person.identityNumber());
        assertThat(served.status()).isEqualTo(200);
        long size = jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(size);
        assertThat(get("/api/v1/audit/verification").body().path("valid").asBoolean()).isTrue();
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same tampering on a real PostgreSQL, where the log's tables first refuse UPDATE and DELETE by trigger; an
 * owner who switches the triggers off is still caught by verification. Each run gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
class ExchangeLogTamperPostgresTest extends ExchangeLogTamperScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.freshSchema(registry, "tamper");
    }

    @Override
    protected void allowTampering() {
        jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET outcome = 'OK' WHERE idx = 0"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE idx = 0"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
    }

    @Test
    @DisplayName("With its triggers on, PostgreSQL refuses to change or delete a checkpoint")
    void checkpointsAreAppendOnly() {
        jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_checkpoint SET signed_text = 'x'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }
}

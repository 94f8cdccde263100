package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Checkpoints come twice a second while entries arrive; one a minute carries a timestamp, not every one. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CheckpointTimestampTest extends SandboxedBusTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExchangeLog log;
    @Autowired
    AuditRepository repository;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:checkpoint-timestamps;DB_CLOSE_DELAY=-1");
    }

    @Test
    @DisplayName("The first checkpoint is timestamped, the next ones within the minute are not, and the newest timestamped one is found")
    void oneTimestampAMinute() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (checkpoints().size() < 3 && System.nanoTime() < deadline) {
            log.record(new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), "timestamps", "GET /test", "OK"));
            Thread.sleep(100);
        }
        List<Map<String, Object>> checkpoints = checkpoints();
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(3);
        assertThat(checkpoints.get(0).get("TIMESTAMPED")).isEqualTo(true);
        assertThat(checkpoints.subList(1, checkpoints.size())).allSatisfy(later ->
                assertThat(later.get("TIMESTAMPED")).isEqualTo(false));
        assertThat(repository.lastTimestamped()).contains(
                ((java.time.OffsetDateTime) checkpoints.get(0).get("SIGNED_AT")).toInstant());
    }

    private List<Map<String, Object>> checkpoints() {
        return jdbc.queryForList("SELECT signed_at, timestamp_token IS NOT NULL AS timestamped FROM audit_checkpoint"
                + " ORDER BY tree_size");
    }
}

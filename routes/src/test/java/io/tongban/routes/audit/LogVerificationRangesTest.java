package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import io.tongban.security.transparency.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A log of several of the ranges the repository reads ahead (10,000 rows each): every row reaches the verifier once
 * and in order, and a row tampered with at a range's first or last index is named exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LogVerificationRangesTest extends SandboxedBusTest {

    private static final int ENTRIES = 25_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExchangeLog log;
    @Autowired
    AuditRepository repository;
    @Autowired
    LogVerification verification;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:verification-ranges;DB_CLOSE_DELAY=-1");
    }

    @BeforeAll
    void logOfSeveralRanges() {
        ExecutorService producers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < ENTRIES / 8; i++) {
                        log.record(new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), "ranges", "GET /test", "OK"));
                    }
                }, producers));
            }
            runs.forEach(CompletableFuture::join);
        } finally {
            producers.shutdown();
        }
    }

    @Test
    @DisplayName("Every row below the head reaches the reader once, in index order, across the ranges")
    void everyRowOnceInOrder() {
        long size = repository.head().size();
        assertThat(size).isGreaterThanOrEqualTo(ENTRIES);
        List<Long> seen = new ArrayList<>();
        repository.streamInOrder(size, entry -> seen.add(entry.index()));
        assertThat(seen).hasSize((int) size).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(0)).isZero();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(size - 1);
    }

    @Test
    @DisplayName("A tree of several ranges verifies; an entry edited at a range's first index, or deleted at its last, is named")
    void tamperingAtRangeEdgesIsNamed() {
        VerificationResult clean = verification.verify();
        assertThat(clean.valid()).as(clean.detail()).isTrue();
        assertThat(clean.entriesVerified()).isGreaterThanOrEqualTo(ENTRIES);

        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM audit_entry WHERE idx = 10000");
        String text = new String((byte[]) first.get("ENTRY_JSON"), StandardCharsets.UTF_8);
        jdbc.update("UPDATE audit_entry SET entry_json = ? WHERE idx = 10000",
                text.replace("\"OK\"", "\"REFUSED\"").getBytes(StandardCharsets.UTF_8));
        VerificationResult edited = verification.verify();
        jdbc.update("UPDATE audit_entry SET entry_json = ? WHERE idx = 10000", first.get("ENTRY_JSON"));
        assertThat(edited.valid()).isFalse();
        assertThat(edited.firstBadIndex()).as(edited.detail()).isEqualTo(10_000L);
        assertThat(edited.problem()).isEqualTo(VerificationResult.Problem.CHANGED);

        Map<String, Object> last = jdbc.queryForMap("SELECT * FROM audit_entry WHERE idx = 19999");
        jdbc.update("DELETE FROM audit_entry WHERE idx = 19999");
        VerificationResult deleted = verification.verify();
        jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                last.get("IDX"), last.get("ENTRY_JSON"), last.get("HASHES"), last.get("RECORDED_AT"), last.get("KIND"),
                last.get("OUTCOME"));
        assertThat(deleted.valid()).isFalse();
        assertThat(deleted.firstBadIndex()).as(deleted.detail()).isEqualTo(19_999L);
        assertThat(deleted.problem()).isEqualTo(VerificationResult.Problem.MISSING);

        VerificationResult restored = verification.verify();
        assertThat(restored.valid()).as(restored.detail()).isTrue();
    }
}

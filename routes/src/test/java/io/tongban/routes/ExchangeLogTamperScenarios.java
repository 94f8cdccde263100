package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.transparency.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Someone with database access changes the exchange log behind the bus's back; verification names the first entry
 * that was changed, deleted, inserted or reordered. Each case tampers, verifies and puts the rows back; each database
 * has its own subclass, with a log of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ExchangeLogTamperScenarios extends SandboxedBusTest {

    static final int TARGET = 5;

    @Autowired
    JdbcTemplate jdbc;

    /** Switches off what would refuse the tampering (PostgreSQL's append-only triggers), as an owner could. */
    protected abstract void allowTampering();

    @BeforeEach
    void logOfSomeEntries() throws InterruptedException {
        while (jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class) < 20) {
            get("/api/v1/persons/440305198304261275"); // refused, but on record like any exchange
        }
        long size = jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (jdbc.queryForObject("SELECT checkpoint_size FROM audit_head WHERE id = 1", Long.class) < size) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(verification().path("valid").asBoolean()).as(verification().toString()).isTrue();
        allowTampering();
    }

    @Test
    @DisplayName("An entry's text edited in place is named CHANGED at its index")
    void editedText() {
        tampered(rows -> jdbc.update("UPDATE audit_entry SET entry_json = ? WHERE idx = ?",
                text(rows.get(TARGET)).replace("\"REFUSED\"", "\"OK\"").getBytes(StandardCharsets.UTF_8), TARGET),
                "CHANGED");
    }

    @Test
    @DisplayName("An entry edited together with its stored leaf hash is still named: the next entry's chain link betrays it")
    void editedTextAndLeaf() {
        tampered(rows -> {
            Map<String, Object> row = rows.get(TARGET);
            byte[] forged = text(row).replace("\"REFUSED\"", "\"OK\"").getBytes(StandardCharsets.UTF_8);
            byte[] hashes = ((byte[]) row.get("HASHES")).clone();
            System.arraycopy(MerkleHash.SHA_256.leaf(forged), 0, hashes, 0, 32);
            jdbc.update("UPDATE audit_entry SET entry_json = ?, hashes = ? WHERE idx = ?", forged, hashes, TARGET);
        }, null);
    }

    @Test
    @DisplayName("A deleted entry is named at its index")
    void deleted() {
        tampered(rows -> jdbc.update("DELETE FROM audit_entry WHERE idx = ?", TARGET), null);
    }

    @Test
    @DisplayName("A deleted entry is named even when the later rows are renumbered to close the gap")
    void deletedAndRenumbered() {
        tampered(rows -> {
            jdbc.update("DELETE FROM audit_entry WHERE idx = ?", TARGET);
            jdbc.update("UPDATE audit_entry SET idx = -idx WHERE idx > ?", TARGET);
            jdbc.update("UPDATE audit_entry SET idx = -idx - 1 WHERE idx < 0");
        }, null);
    }

    @Test
    @DisplayName("Two entries swapped are named at the first of them")
    void swapped() {
        tampered(rows -> {
            move(rows.get(TARGET + 1), TARGET);
            move(rows.get(TARGET), TARGET + 1);
        }, null);
    }

    @Test
    @DisplayName("A well-formed forged entry inserted (later rows renumbered up, the last dropped) is named at its index")
    void inserted() {
        tampered(rows -> {
            jdbc.update("DELETE FROM audit_entry WHERE idx = ?", rows.size() - 1); // keeps the tree's size
            jdbc.update("UPDATE audit_entry SET idx = -idx WHERE idx >= ?", TARGET);
            jdbc.update("UPDATE audit_entry SET idx = -idx + 1 WHERE idx < 0");
            Map<String, Object> original = rows.get(TARGET);
            byte[] previousLeaf = Arrays.copyOf((byte[]) rows.get(TARGET - 1).get("HASHES"), 32);
            byte[] forged = JsonCanonicalizer.canonicalize(text(original).replace("\"REFUSED\"", "\"OK\""));
            assertThat(new String(forged, StandardCharsets.UTF_8))
                    .contains("\"previous\":\"" + Base64.getEncoder().encodeToString(previousLeaf) + "\"");
            jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, outcome)"
                    + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'api', 'OK')", TARGET, forged, MerkleHash.SHA_256.leaf(forged));
        }, null);
    }

    @Test
    @DisplayName("A row appended behind the writer's back, past the head of the tree, is named at its index")
    void appendedBehindTheWritersBack() {
        long size = jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
        Map<String, Object> last = jdbc.queryForMap("SELECT entry_json, hashes FROM audit_entry WHERE idx = ?", size - 1);
        try {
            jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, outcome)"
                    + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'api', 'OK')", size + 1000, last.get("ENTRY_JSON"), last.get("HASHES"));
            JsonNode verification = verification();
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isFalse();
            assertThat(verification.path("firstBadIndex").asLong()).as(verification.toString()).isEqualTo(size + 1000);
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE idx = ?", size + 1000);
        }
    }

    /**
     * Tampers, expects verification to name {@link #TARGET} (and the problem, when given), restores the rows. The
     * verification request is itself logged, at the head of the tree, past the rows tampered with.
     */
    private void tampered(Consumer<List<Map<String, Object>>> tampering, String problem) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_entry ORDER BY idx");
        try {
            tampering.accept(rows);
            JsonNode verification = verification();
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isFalse();
            assertThat(verification.path("firstBadIndex").asLong()).as(verification.toString()).isEqualTo(TARGET);
            if (problem != null) {
                assertThat(verification.path("problem").asText()).isEqualTo(problem);
            }
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE idx < ?", rows.size());
            for (Map<String, Object> row : rows) {
                insert(row);
            }
        }
        assertThat(verification().path("valid").asBoolean()).as("restored").isTrue();
    }

    private static String text(Map<String, Object> row) {
        return new String((byte[]) row.get("ENTRY_JSON"), StandardCharsets.UTF_8);
    }

    private void move(Map<String, Object> row, long toIndex) {
        jdbc.update("UPDATE audit_entry SET entry_json = ?, hashes = ? WHERE idx = ?", row.get("ENTRY_JSON"),
                row.get("HASHES"), toIndex);
    }

    private void insert(Map<String, Object> row) {
        jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, correlation_id, consumer,"
                        + " department, operation, subject_hash, outcome, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("IDX"), row.get("ENTRY_JSON"), row.get("HASHES"), row.get("RECORDED_AT"), row.get("KIND"),
                row.get("CORRELATION_ID"), row.get("CONSUMER"), row.get("DEPARTMENT"), row.get("OPERATION"),
                row.get("SUBJECT_HASH"), row.get("OUTCOME"), row.get("PURPOSE"));
    }

    private JsonNode verification() {
        return get("/api/v1/audit/verification").body();
    }
}

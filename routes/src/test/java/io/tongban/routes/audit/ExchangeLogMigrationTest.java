package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.MigrationDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A log written before V3 (texts as character strings, subject hashes as hex) comes through the migration to byte
 * strings with the very bytes that were hashed, on H2 and on a real PostgreSQL.
 */
class ExchangeLogMigrationTest {

    private static final String TEXT = "{\"index\":0,\"kind\":\"api\",\"outcome\":\"OK\",\"previous\":\"\",\"who\":\"张三\"}";
    private static final String SUBJECT = "0f".repeat(16) + "a1".repeat(16);

    @Test
    @DisplayName("H2: entry texts and subject hashes written as strings before V3 read back as the same bytes; V11 keys subjects by their hash's first 8 bytes")
    void h2(@TempDir Path directory) {
        migrates(MigrationDatabase.h2(directory));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
    @DisplayName("PostgreSQL: the same, with the append-only triggers in place")
    void postgres() {
        migrates(MigrationDatabase.postgres("migration"));
    }

    private static void migrates(MigrationDatabase database) {
        database.migrateTo(database.vendor().equals("h2") ? "2" : "2.1");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, correlation_id, subject_hash,"
                + " outcome) VALUES (0, ?, ?, CURRENT_TIMESTAMP, 'api', 'c-1', ?, 'OK')", TEXT, new byte[32], SUBJECT);
        jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, outcome)"
                + " VALUES (1, ?, ?, CURRENT_TIMESTAMP, 'api', 'OK')", TEXT, new byte[32]);

        database.migrateTo("latest");

        Map<String, Object> row = jdbc.queryForMap("SELECT entry_json, subject_hash FROM audit_entry WHERE idx = 0");
        assertThat((byte[]) row.get("entry_json")).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) row.get("subject_hash")).isEqualTo(HexFormat.of().parseHex(SUBJECT));
        assertThat(jdbc.queryForObject("SELECT subject_hash FROM audit_entry WHERE idx = 1", byte[].class)).isNull();
        // V11: the subject's index key is the hash's first 8 bytes as a big-endian BIGINT, on both databases alike
        assertThat(jdbc.queryForObject("SELECT subject_key FROM audit_entry WHERE idx = 0", Long.class))
                .isEqualTo(0x0f0f0f0f0f0f0f0fL);
        assertThat(jdbc.queryForObject("SELECT subject_key FROM audit_entry WHERE idx = 1", Long.class)).isNull();
        jdbc.update("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind, subject_hash, outcome)"
                + " VALUES (2, ?, ?, CURRENT_TIMESTAMP, 'api', ?, 'OK')", TEXT.getBytes(StandardCharsets.UTF_8),
                new byte[32], HexFormat.of().parseHex("f1".repeat(32)));
        assertThat(jdbc.queryForObject("SELECT subject_key FROM audit_entry WHERE idx = 2", Long.class))
                .isEqualTo(0xf1f1f1f1f1f1f1f1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject_hash = ?", Long.class,
                (Object) HexFormat.of().parseHex(SUBJECT))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) ="
                + " 'audit_entry' AND LOWER(column_name) = 'entry_json' AND is_nullable = 'NO'"
                + (database.schema() == null ? "" : " AND table_schema = '" + database.schema() + "'"), Long.class))
                .isEqualTo(1);
    }
}

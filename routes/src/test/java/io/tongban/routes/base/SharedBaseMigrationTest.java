package io.tongban.routes.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.MigrationDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records the shared base held before V5 (as TEXT, a CLOB in H2) read back unchanged after it, on H2 and PostgreSQL. */
class SharedBaseMigrationTest {

    private static final String RECORD = "{\"idNumber\":\"440305198304261274\",\"name\":\"周斌\",\"address\":\""
            + "广东省深圳市".repeat(200) + "\"}";

    @Test
    @DisplayName("H2: a record stored as a CLOB before V5 is the same text after it")
    void h2(@TempDir Path directory) {
        migrates(MigrationDatabase.h2(directory));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
    @DisplayName("PostgreSQL: the same")
    void postgres() {
        migrates(MigrationDatabase.postgres("base_migration"));
    }

    private static void migrates(MigrationDatabase database) {
        database.migrateTo("4");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO source_record (subject_type, subject_id, source, status, retrieved_at, digest,"
                + " record_json) VALUES ('PERSON', '440305198304261274', 'public-security', 'FOUND', CURRENT_TIMESTAMP,"
                + " 'sha256:00', ?)", RECORD);

        database.migrateTo("latest");

        assertThat(jdbc.queryForObject("SELECT record_json FROM source_record", String.class)).isEqualTo(RECORD);
    }
}

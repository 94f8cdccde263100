package io.tongban.routes.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Records the shared base held before V5 (as TEXT, a CLOB in H2) read back unchanged after it, on H2 and PostgreSQL. */
class SharedBaseMigrationTest {

    private static final String RECORD = "{\"idNumber\":\"440305198304261274\",\"name\":\"周斌\",\"address\":\""
            + "广东省深圳市".repeat(200) + "\"}";

    @Test
    @DisplayName("H2: a record stored as a CLOB before V5 is the same text after it")
    void h2(@TempDir Path directory) {
        migrates(new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0", "sa", ""),
                "h2", null);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
    @DisplayName("PostgreSQL: the same")
    void postgres() {
        String schema = "base_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        migrates(new DriverManagerDataSource(System.getenv("TONGBAN_TEST_POSTGRES_URL"),
                System.getenv("TONGBAN_TEST_POSTGRES_USER"), System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD")),
                "postgresql", schema);
    }

    private static void migrates(DriverManagerDataSource dataSource, String vendor, String schema) {
        var configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (schema != null) {
            configuration.schemas(schema);
            dataSource.setUrl(dataSource.getUrl() + (dataSource.getUrl().contains("?") ? "&" : "?") + "currentSchema="
                    + schema);
        }
        configuration.target("4").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO source_record (subject_type, subject_id, source, status, retrieved_at, digest,"
                + " record_json) VALUES ('PERSON', '440305198304261274', 'public-security', 'FOUND', CURRENT_TIMESTAMP,"
                + " 'sha256:00', ?)", RECORD);

        configuration.target("latest").load().migrate();

        assertThat(jdbc.queryForObject("SELECT record_json FROM source_record", String.class)).isEqualTo(RECORD);
    }
}

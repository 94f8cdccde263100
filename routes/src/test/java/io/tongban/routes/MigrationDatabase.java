package io.tongban.routes;

import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database to run the bus's Flyway migrations on step by step, so that a migration test can write rows in
 * an old layout and read them after the new one: an H2 file, or a fresh schema on the CI PostgreSQL.
 */
public final class MigrationDatabase {

    private final DriverManagerDataSource dataSource;
    private final String vendor;
    private final String schema;

    private MigrationDatabase(DriverManagerDataSource dataSource, String vendor, String schema) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.schema = schema;
    }

    public static MigrationDatabase h2(Path directory) {
        return new MigrationDatabase(new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("db")
                + ";WRITE_DELAY=0", "sa", ""), "h2", null);
    }

    /** A schema of its own on {@code TONGBAN_TEST_POSTGRES_URL}. */
    public static MigrationDatabase postgres(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getenv("TONGBAN_TEST_POSTGRES_URL");
        return new MigrationDatabase(new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, System.getenv("TONGBAN_TEST_POSTGRES_USER"),
                System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD")), "postgresql", schema);
    }

    public String vendor() {
        return vendor;
    }

    /** The PostgreSQL schema, or null on H2. */
    public String schema() {
        return schema;
    }

    /** Applies the migrations up to {@code target} ("latest" for all), as the bus orders them for this database. */
    public void migrateTo(String target) {
        var configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target);
        if (schema != null) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}

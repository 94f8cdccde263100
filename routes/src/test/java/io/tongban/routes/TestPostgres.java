package io.tongban.routes;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The CI PostgreSQL ({@code TONGBAN_TEST_POSTGRES_*}), in a fresh schema per test class, so runs never share a log. */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static void freshSchema(DynamicPropertyRegistry registry, String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getenv("TONGBAN_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> System.getenv("TONGBAN_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
    }
}

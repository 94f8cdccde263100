package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.seed.Person;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bus configured, by properties alone, for a real PostgreSQL and an external Artemis broker, as in production.
 * CI ({@code .ci/run}) starts both and sets the variables; without them this class is skipped.
 */
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_ARTEMIS_URL", matches = ".+")
// Closed after this class: otherwise its bus would keep consuming the shared sandbox's change feeds, into its own base.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalInfrastructureTest extends SandboxedBusTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ConsumerTemplate consumer;

    @DynamicPropertySource
    static void externalInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("TONGBAN_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv("TONGBAN_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD"));
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.embedded.enabled", () -> "false");
        registry.add("spring.artemis.broker-url", () -> System.getenv("TONGBAN_TEST_ARTEMIS_URL"));
        registry.add("spring.artemis.user", () -> System.getenv("TONGBAN_TEST_ARTEMIS_USER"));
        registry.add("spring.artemis.password", () -> System.getenv("TONGBAN_TEST_ARTEMIS_PASSWORD"));
    }

    @Test
    @DisplayName("On PostgreSQL: Flyway migrates the schema and a merged lookup is kept in the shared base")
    void lookupPersistsInPostgres() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        Person person = SeedSubjects.personInEverySource();

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_record WHERE subject_id = ? AND status = 'FOUND'",
                Integer.class, person.identityNumber())).as(answer.body().path("sources").toString()).isEqualTo(3);
        Answer again = get("/api/v1/persons/" + person.identityNumber());
        assertThat(sourceStatus(again.body(), "tax")).isEqualTo("CACHED");
        assertThat(again.body().path("fields").path("name").path("value").asText()).isEqualTo(person.name());
    }

    @Test
    @DisplayName("On the external broker: health reports JMS up and a durable message makes the round trip")
    void externalBrokerRoundTrip() {
        assertThat(get("/actuator/health").body().path("components").path("jms").path("status").asText()).isEqualTo("UP");

        producer.sendBody("jms:queue:tongban.ci.round-trip?deliveryPersistent=true", "ping");

        assertThat(consumer.receiveBody("jms:queue:tongban.ci.round-trip", 10_000, String.class)).isEqualTo("ping");
    }
}

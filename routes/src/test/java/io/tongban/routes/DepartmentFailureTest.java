package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department that is down, slow or broken degrades an answer; it never fails it while another source answers.
 * Whatever the bus logs about the failures names none of the subjects asked about.
 */
@ExtendWith(OutputCaptureExtension.class)
class DepartmentFailureTest extends SandboxedBusTest {

    @Value("${bus.lookup.timeout-ms}")
    long lookupTimeoutMs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("Tax down: the person lookup is a degraded 200 naming tax, with what the other departments gave")
    void taxDownDegradesThePersonLookup() {
        Person person = SeedSubjects.personInEverySource();
        sandbox().knobs(SystemId.TAX).down(true);

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("degraded").asBoolean()).isTrue();
        assertThat(answer.body().path("unavailableSources").toString()).isEqualTo("[\"tax\"]");
        assertThat(sourceStatus(answer.body(), "tax")).isEqualTo("UNAVAILABLE");
        assertThat(answer.body().path("fields").path("name").path("value").asText()).isEqualTo(person.name());
        assertThat(answer.body().path("fields").has("taxpayerStatus")).isFalse();
    }

    @Test
    @DisplayName("Market supervision slower than the timeout: the company lookup answers degraded within the configured timeout")
    void slowDepartmentIsCutOffAtTheTimeout() {
        Enterprise company = SeedSubjects.companyInEverySource();
        sandbox().knobs(SystemId.MARKET_SUPERVISION).latency(Duration.ofSeconds(10));

        Answer answer = get("/api/v1/legal-entities/" + company.creditCode());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("unavailableSources").toString()).isEqualTo("[\"market-supervision\"]");
        assertThat(answer.body().path("fields").path("taxCreditGrade").path("source").asText()).isEqualTo("tax");
        assertThat(answer.millis()).isLessThan(lookupTimeoutMs + 1_000);
    }

    @AfterEach
    void noSubjectIsNamedInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).as("the log names a subject in clear text")
                .doesNotContain(SeedSubjects.personInEverySource().identityNumber())
                .doesNotContain(SeedSubjects.personInEverySource().name())
                .doesNotContain(SeedSubjects.companyInEverySource().creditCode());
        assertThat(output.getAll()).as("the brokers' audit log: a line for every message a lookup sent or received")
                .doesNotContain("org.apache.activemq.audit");
    }

    @Test
    @DisplayName("Tax failing every request with HTTP 500: degraded, the detail giving the status and not the subject")
    void serverErrorsDegradeWithoutNamingTheSubject() {
        Person person = SeedSubjects.personInEverySource();
        sandbox().knobs(SystemId.TAX).errorRate(1.0);

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("unavailableSources").toString()).isEqualTo("[\"tax\"]");
        assertThat(answer.body().toString()).contains("HTTP 500");
    }

    @Test
    @DisplayName("Social security failing every request: degraded answer naming social security")
    void brokenDepartmentDegrades() {
        Person person = SeedSubjects.personInEverySource();
        sandbox().knobs(SystemId.SOCIAL_SECURITY).errorRate(1.0);

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("unavailableSources").toString()).isEqualTo("[\"social-security\"]");
    }

    @Test
    @DisplayName("A department down when its copy in the base is stale: the older copy is served as STALE, degraded")
    void staleCopyServedWhenTheDepartmentIsDown() {
        Enterprise company = SeedSubjects.companyInEverySource();
        assertThat(get("/api/v1/legal-entities/" + company.creditCode()).status()).isEqualTo(200);
        jdbc.update("UPDATE source_record SET retrieved_at = ? WHERE subject_id = ? AND source = 'tax'",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), company.creditCode());
        sandbox().knobs(SystemId.TAX).down(true);

        Answer answer = get("/api/v1/legal-entities/" + company.creditCode());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(sourceStatus(answer.body(), "tax")).isEqualTo("STALE");
        assertThat(sourceStatus(answer.body(), "market-supervision")).isEqualTo("CACHED");
        assertThat(answer.body().path("degraded").asBoolean()).isTrue();
        assertThat(answer.body().path("fields").path("taxCreditGrade").path("source").asText()).isEqualTo("tax");
    }

    @Test
    @DisplayName("A department down before the base holds anything from it is UNAVAILABLE; once back, it is read through")
    void unavailableThenReadThrough() {
        Enterprise company = SeedSubjects.companyInEverySource();
        sandbox().knobs(SystemId.TAX).down(true);
        Answer first = get("/api/v1/legal-entities/" + company.creditCode());
        sandbox().resetKnobs();

        Answer second = get("/api/v1/legal-entities/" + company.creditCode());

        assertThat(sourceStatus(first.body(), "tax")).isEqualTo("UNAVAILABLE");
        assertThat(sourceStatus(second.body(), "tax")).isEqualTo("REFRESHED");
        assertThat(sourceStatus(second.body(), "market-supervision")).isEqualTo("CACHED");
        assertThat(second.body().path("degraded").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Every person department down and nothing stored: 503 connector.unavailable naming them")
    void allDownAndNothingStoredIs503() {
        Person person = SeedSubjects.personInEverySource();
        sandbox().knobs(SystemId.PUBLIC_SECURITY).down(true);
        sandbox().knobs(SystemId.SOCIAL_SECURITY).down(true);
        sandbox().knobs(SystemId.TAX).down(true);

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().path("code").asText()).isEqualTo("connector.unavailable");
        assertThat(answer.body().path("unavailableSources").toString())
                .contains("public-security", "social-security", "tax");
        assertThat(answer.millis()).isLessThan(lookupTimeoutMs + 1_000);
    }
}

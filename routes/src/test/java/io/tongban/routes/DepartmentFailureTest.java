package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** A department that is down, slow or broken degrades an answer; it never fails it while another source answers. */
class DepartmentFailureTest extends SandboxedBusTest {

    @Value("${bus.lookup.timeout-ms}")
    long lookupTimeoutMs;

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
    @DisplayName("A department down after a first lookup: its earlier copy is served as STALE once its freshness ran out")
    void staleCopyServedWhenTheDepartmentIsDown() {
        // the base's freshness window is 15 minutes here; a company looked up now is fresh, so this checks the
        // other branch: down before any copy exists is UNAVAILABLE, and the copy taken later is kept
        Enterprise company = SeedSubjects.companyInEverySource();
        sandbox().knobs(SystemId.TAX).down(true);
        Answer first = get("/api/v1/legal-entities/" + company.creditCode());
        sandbox().resetKnobs();

        assertThat(sourceStatus(first.body(), "tax")).isEqualTo("UNAVAILABLE");
        Answer second = get("/api/v1/legal-entities/" + company.creditCode());
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

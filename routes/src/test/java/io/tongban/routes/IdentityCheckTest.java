package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.seed.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Identity verification through public security's VerifyIdentity: a verdict, never the record. */
class IdentityCheckTest extends SandboxedBusTest {

    @Test
    @DisplayName("Number and name of the same person are CONSISTENT, and nothing of the record comes back")
    void consistent() {
        Person person = SeedSubjects.personInEverySource();

        Answer answer = postJson("/api/v1/identity-checks",
                "{\"idNumber\":\"" + person.identityNumber() + "\",\"name\":\"" + person.name() + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("result").asText()).isEqualTo("CONSISTENT");
        assertThat(answer.body().path("checkedBy").toString()).isEqualTo("[\"public-security\"]");
        assertThat(answer.body().toString()).doesNotContain(person.address(), person.birthDate().toString());
    }

    @Test
    @DisplayName("Another name is INCONSISTENT")
    void inconsistent() {
        Person person = SeedSubjects.personInEverySource();

        Answer answer = postJson("/api/v1/identity-checks",
                "{\"idNumber\":\"" + person.identityNumber() + "\",\"name\":\"" + person.name() + "某\"}");

        assertThat(answer.body().path("result").asText()).isEqualTo("INCONSISTENT");
    }

    @Test
    @DisplayName("Public security down: the check is a 503, not a guess")
    void departmentDown() {
        Person person = SeedSubjects.personInEverySource();
        sandbox().knobs(SystemId.PUBLIC_SECURITY).down(true);

        Answer answer = postJson("/api/v1/identity-checks",
                "{\"idNumber\":\"" + person.identityNumber() + "\",\"name\":\"" + person.name() + "\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().path("code").asText()).isEqualTo("connector.unavailable");
    }
}

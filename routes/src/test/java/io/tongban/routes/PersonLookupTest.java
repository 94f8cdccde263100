package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonLookupTest extends SandboxedBusTest {

    @Test
    @DisplayName("A person lookup over HTTP merges public security, social security and tax, each field with its provenance")
    void mergesThreeDepartmentsWithProvenance() {
        Person person = SeedSubjects.personInEverySource();

        Answer answer = get("/api/v1/persons/" + person.identityNumber());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode fields = answer.body().path("fields");
        assertThat(fields.path("name").path("value").asText()).isEqualTo(person.name());
        assertThat(fields.path("name").path("source").asText()).isEqualTo("public-security");
        assertThat(fields.path("birthDate").path("value").asText()).isEqualTo(person.birthDate().toString());
        assertThat(fields.path("insuranceStatus").path("source").asText()).isEqualTo("social-security");
        assertThat(fields.path("taxpayerStatus").path("source").asText()).isEqualTo("tax");
        assertThat(fields.path("name").path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(fields.path("name").path("retrievedAt").asText()).isNotEmpty();
        assertThat(answer.body().path("degraded").asBoolean()).isFalse();
        assertThat(sourceStatus(answer.body(), "public-security")).isEqualTo("REFRESHED");
        assertThat(sourceStatus(answer.body(), "social-security")).isEqualTo("REFRESHED");
        assertThat(sourceStatus(answer.body(), "tax")).isEqualTo("REFRESHED");
    }

    @Test
    @DisplayName("A second lookup is served from the shared base, even with every department down")
    void secondLookupServedFromTheBase() {
        Person person = SeedSubjects.personInEverySource();
        assertThat(get("/api/v1/persons/" + person.identityNumber()).status()).isEqualTo(200);
        sandbox().knobs(io.tongban.sandbox.SystemId.PUBLIC_SECURITY).down(true);
        sandbox().knobs(io.tongban.sandbox.SystemId.SOCIAL_SECURITY).down(true);
        sandbox().knobs(io.tongban.sandbox.SystemId.TAX).down(true);

        Answer again = get("/api/v1/persons/" + person.identityNumber());

        assertThat(again.status()).isEqualTo(200);
        assertThat(sourceStatus(again.body(), "public-security")).isEqualTo("CACHED");
        assertThat(sourceStatus(again.body(), "tax")).isEqualTo("CACHED");
        assertThat(again.body().path("fields").path("name").path("value").asText()).isEqualTo(person.name());
    }

    @Test
    @DisplayName("Field selection returns only the asked fields; an unknown field is a 400 with api.unknown_field")
    void fieldSelection() {
        Person person = SeedSubjects.personInEverySource();

        Answer selected = get("/api/v1/persons/" + person.identityNumber() + "?fields=name,taxCreditGrade");
        Answer unknown = get("/api/v1/persons/" + person.identityNumber() + "?fields=name,shoeSize");

        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.body().path("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("name", "taxCreditGrade");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("code").asText()).isEqualTo("api.unknown_field");
        assertThat(unknown.body().path("detail").asText()).contains("shoeSize");
    }

    @Test
    @DisplayName("Departments that disagree are shown: the address differs between public security and social security")
    void addressDisagreementIsReported() {
        String id = sandbox().seed().cases().addressDisagreement();

        JsonNode body = get("/api/v1/persons/" + id).body();

        JsonNode conflict = conflict(body, "address");
        assertThat(conflict.path("authoritativeSource").asText()).isEqualTo("public-security");
        assertThat(conflict.path("values")).hasSize(2);
        assertThat(body.path("fields").path("address").path("source").asText()).isEqualTo("public-security");
        assertThat(body.path("fields").path("address").path("value").asText())
                .isEqualTo(sandbox().seed().person(id).orElseThrow().address());
    }

    @Test
    @DisplayName("A person deceased in public security but still paying in social security shows a status conflict")
    void deceasedButPayingIsReported() {
        String id = sandbox().seed().cases().deceasedButPaying();

        JsonNode body = get("/api/v1/persons/" + id).body();

        assertThat(body.path("fields").path("status").path("value").asText()).isEqualTo("DECEASED");
        assertThat(conflict(body, "status").path("values").findValuesAsText("value")).containsExactlyInAnyOrder("DECEASED", "ACTIVE");
    }

    @Test
    @DisplayName("A full-width space in a department's copy of the name is normalised away, not reported as a conflict")
    void fullWidthSpaceIsNormalised() {
        String id = sandbox().seed().cases().fullWidthSpaceName();

        JsonNode body = get("/api/v1/persons/" + id).body();

        assertThat(body.path("fields").path("name").path("value").asText()).doesNotContain("\u3000");
        assertThat(body.path("conflicts").findValuesAsText("field")).doesNotContain("name");
    }

    @Test
    @DisplayName("A person social security holds under the old 15-digit number is found by the 18-digit one, and by the 15-digit one")
    void oldFifteenDigitNumberMatchesOnePerson() {
        String id = sandbox().seed().cases().oldIdentityNumber();
        String fifteen = id.substring(0, 6) + id.substring(8, 17);

        Answer by18 = get("/api/v1/persons/" + id);
        Answer by15 = get("/api/v1/persons/" + fifteen);

        assertThat(sourceStatus(by18.body(), "social-security")).isIn("REFRESHED", "CACHED");
        assertThat(by18.body().path("fields").path("insuranceStatus").path("source").asText()).isEqualTo("social-security");
        assertThat(by15.status()).isEqualTo(200);
        assertThat(by15.body().path("idNumber").asText()).isEqualTo(id);
    }

    @Test
    @DisplayName("A valid identity number no source holds is a 404 with base.subject_not_found")
    void unknownPersonIsNotFound() {
        Answer answer = get("/api/v1/persons/110101199001011237");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("base.subject_not_found");
    }

    private static JsonNode conflict(JsonNode body, String field) {
        for (JsonNode conflict : body.path("conflicts")) {
            if (field.equals(conflict.path("field").asText())) {
                return conflict;
            }
        }
        throw new AssertionError("no conflict on " + field + " in " + body.path("conflicts"));
    }
}

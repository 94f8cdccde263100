package io.tongban.routes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.SeedSubjects;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Who may see what, field by field, over HTTP against the running bus and its sandbox departments: the catalogue's
 * sharing types, grants per consumer and purpose, and the reasons an answer names for what it withholds.
 */
class FieldReleaseTest extends SandboxedBusTest {

    private final String person = SeedSubjects.personInEverySource().identityNumber();

    @Test
    @DisplayName("A request for subjects' data without a purpose, or with one the registry lacks, is a 400")
    void purposeIsRequired() {
        Answer none = send(as(Role.PLATFORM, "/api/v1/persons/" + person, null).build());
        Answer unknown = send(as(Role.PLATFORM, "/api/v1/persons/" + person, "curiosity").build());
        Answer check = send(as(Role.PLATFORM, "/api/v1/identity-checks", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"idNumber\":\"" + person + "\",\"name\":\"x\"}")).build());

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().path("code").asText()).isEqualTo("access.purpose_required");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("code").asText()).isEqualTo("access.unknown_purpose");
        assertThat(check.body().path("code").asText()).isEqualTo("access.purpose_required");
        assertThat(get("/api/v1/purposes").body().findValuesAsText("code"))
                .contains("company-establishment", "invoice-application", "residence-permit", "insurance-registration");
    }

    @Test
    @DisplayName("A field the catalogue does not share is never released, and the answer says why")
    void notSharedIsWithheld() {
        Answer answer = get("/api/v1/persons/" + person);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("fields").has("ethnicity")).isFalse();
        assertThat(answer.body().path("fields").has("address")).isTrue(); // conditional, granted for residence permits
        assertThat(reason(answer.body(), "ethnicity")).isEqualTo("NOT_SHARED");
    }

    @Test
    @DisplayName("A department without a grant gets another department's conditional fields withheld, and a department with nothing releasable to give is not even asked")
    void noGrantNoFieldNoCall() {
        Answer answer = send(as(Role.DEPARTMENT, "/api/v1/persons/" + person, "residence-permit").build());
        Answer narrow = send(as(Role.DEPARTMENT, "/api/v1/persons/" + person + "?fields=gender,birthDate,insuranceStatus",
                "residence-permit").build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("fields").has("name")).isTrue();
        for (String field : new String[] {"address", "insuranceStatus", "taxpayerStatus"}) {
            assertThat(answer.body().path("fields").has(field)).as(field).isFalse();
            assertThat(reason(answer.body(), field)).as(field).isEqualTo("NO_GRANT");
        }
        // social security gives none of gender and birth date, and the insurance status is withheld
        assertThat(sourceStatus(narrow.body(), "social-security")).isEqualTo("ABSENT");
        assertThat(sourceStatus(narrow.body(), "public-security")).isNotEqualTo("ABSENT");
        assertThat(reason(narrow.body(), "insuranceStatus")).isEqualTo("NO_GRANT");
    }

    @Test
    @DisplayName("A grant for another purpose does not release: PURPOSE_NOT_GRANTED")
    void grantIsBoundToItsPurpose() {
        Answer answer = send(as(Role.PLATFORM, "/api/v1/persons/" + person, "invoice-application").build());

        assertThat(answer.body().path("fields").has("taxpayerStatus")).isTrue();
        assertThat(reason(answer.body(), "insuranceStatus")).isEqualTo("PURPOSE_NOT_GRANTED");
    }

    @Test
    @DisplayName("A request that would release no field is a 403 naming every reason, and the refusal is logged")
    void nothingReleased() {
        Answer answer = send(as(Role.DEPARTMENT, "/api/v1/persons/" + person + "?fields=address,ethnicity",
                "residence-permit").build());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("code").asText()).isEqualTo("access.nothing_released");
        assertThat(reason(answer.body(), "address")).isEqualTo("NO_GRANT");
        assertThat(reason(answer.body(), "ethnicity")).isEqualTo("NOT_SHARED");
        JsonNode entry = newestRefusalOfMarketSupervision();
        assertThat(entry.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(entry.path("purpose").asText()).isEqualTo("residence-permit");
        assertThat(entry.path("fieldsWithheld").toString()).contains("address:NO_GRANT", "ethnicity:NOT_SHARED");
    }

    @Test
    @DisplayName("A grant made through the admin API releases at once, and its expiry stops the release at once")
    void grantAndExpiry() {
        String path = "/api/v1/persons/" + person + "?fields=name,address";
        assertThat(reason(send(as(Role.DEPARTMENT, path, "insurance-registration").build()).body(), "address"))
                .isEqualTo("NO_GRANT");

        Instant until = Instant.now().plusSeconds(3);
        Answer granted = send(as(Role.ADMIN, "/api/v1/admin/grants", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consumer\":\"market-supervision\",\"fields\":[\"address\"],"
                        + "\"purpose\":\"insurance-registration\",\"legalBasis\":\"test\",\"validUntil\":\"" + until + "\"}"))
                .build());
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(granted.body().path("approvedBy").asText()).isEqualTo("demo-admin");

        Answer released = send(as(Role.DEPARTMENT, path, "insurance-registration").build());
        assertThat(released.body().path("fields").has("address")).isTrue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> "GRANT_EXPIRED".equals(
                reason(send(as(Role.DEPARTMENT, path, "insurance-registration").build()).body(), "address")));
        assertThat(Instant.now()).isAfterOrEqualTo(until);
    }

    @Test
    @DisplayName("Revoking a grant stops the release at once; only conditional fields can be granted, and only by an admin")
    void revokeAndValidation() {
        String body = "{\"consumer\":\"market-supervision\",\"fields\":[\"group:tax\"],\"purpose\":\"residence-permit\","
                + "\"legalBasis\":\"test\",\"validUntil\":\"" + Instant.now().plusSeconds(3600) + "\"}";
        JsonNode grant = send(as(Role.ADMIN, "/api/v1/admin/grants", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body();
        String path = "/api/v1/persons/" + person + "?fields=name,taxpayerStatus";
        assertThat(send(as(Role.DEPARTMENT, path, "residence-permit").build()).body().path("fields").has("taxpayerStatus"))
                .isTrue();

        Answer revoked = send(as(Role.ADMIN, "/api/v1/admin/grants/" + grant.path("id").asText(), null).DELETE().build());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(reason(send(as(Role.DEPARTMENT, path, "residence-permit").build()).body(), "taxpayerStatus"))
                .isEqualTo("GRANT_EXPIRED");

        Answer unconditional = send(as(Role.ADMIN, "/api/v1/admin/grants", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("group:tax", "ethnicity"))).build());
        assertThat(unconditional.status()).isEqualTo(400);
        Answer byPlatform = send(as(Role.PLATFORM, "/api/v1/admin/grants", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(byPlatform.status()).isEqualTo(403);
    }

    private HttpRequest.Builder as(Role role, String path, String purpose) {
        HttpRequest.Builder request = anonymousRequest(path).header("Authorization", "Bearer " + token(role));
        return purpose == null ? request : request.setHeader("Tongban-Purpose", purpose);
    }

    /** The reason an answer (or a refusal) gives for withholding a field, or null when it does not withhold it. */
    private static String reason(JsonNode body, String field) {
        Map<String, String> reasons = new HashMap<>();
        body.path("withheld").forEach(item -> reasons.put(item.path("field").asText(), item.path("reason").asText()));
        return reasons.get(field);
    }

    private JsonNode newestRefusalOfMarketSupervision() {
        return get("/api/v1/audit/entries?outcome=REFUSED&consumer=market-supervision&limit=1").body()
                .path("entries").get(0).path("entry");
    }
}

package io.tongban.routes.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake over HTTP: one transaction for the submission, a task and an outbox message per department; refused once
 * with everything missing; Idempotency-Key replays, refuses a reused key and a retry in flight.
 */
class SubmissionIntakeTest extends SandboxedBusTest {

    private static final String FOUNDER = "440305198304261274";
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("A complete company establishment is accepted once: three tasks, three outbox messages, the proof of domicile owed by a date; a retry replays it")
    void acceptedOnceAndReplayed() {
        String articles = upload("articles-of-association", FOUNDER);
        String body = "{\"matter\":\"company-establishment\",\"applicant\":\"" + FOUNDER + "\",\"caseReference\":\"W-1\","
                + "\"form\":{\"companyName\":\"深圳通办示范有限公司\"},\"materials\":{\"articles-of-association\":\""
                + articles + "\"},\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}";
        String key = UUID.randomUUID().toString();

        Answer first = submit(key, body);
        Answer retry = submit(key, body);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        String id = first.body().path("id").asText();
        assertThat(first.body().path("departments").size()).isEqualTo(3);
        assertThat(first.body().path("pending").has("domicile-proof")).isTrue();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count("SELECT COUNT(*) FROM submission WHERE id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM department_task WHERE submission_id = ?", id)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM submission_outbox WHERE submission_id = ?", id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT material_id FROM submission_material WHERE submission_id = ? AND code = ?",
                String.class, id, "articles-of-association")).isEqualTo(articles);
    }

    @Test
    @DisplayName("A submission's status shows each department's task and date, its materials, and a timeline the relay extends; a stranger id is a 404")
    void statusAndTimeline() {
        String articles = upload("articles-of-association", FOUNDER);
        Answer accepted = submit(UUID.randomUUID().toString(), "{\"matter\":\"company-establishment\",\"applicant\":\""
                + FOUNDER + "\",\"materials\":{\"articles-of-association\":\"" + articles + "\"},"
                + "\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}");
        String id = accepted.body().path("id").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/submissions/" + id).body().path("timeline")
                .findValuesAsText("event").stream().filter("QUEUED_FOR_DEPARTMENT"::equals).count() == 3);
        JsonNode status = get("/api/v1/submissions/" + id).body();

        assertThat(status.path("departments").findValuesAsText("department"))
                .containsExactly("market-supervision", "social-security", "tax");
        assertThat(status.path("departments").findValuesAsText("promisedBy")).doesNotContain("");
        assertThat(status.path("timeline").get(0).path("event").asText()).isEqualTo("ACCEPTED");
        JsonNode owed = status.path("materials").findParents("code").stream()
                .filter(m -> m.path("code").asText().equals("domicile-proof")).findFirst().orElseThrow();
        assertThat(owed.path("satisfiedBy").asText()).isEqualTo("PENDING");
        assertThat(owed.path("pendingUntil").asText()).isNotEmpty();
        assertThat(get("/api/v1/submissions/" + UUID.randomUUID()).body().path("code").asText())
                .isEqualTo("submission.not_found");
    }

    @Test
    @DisplayName("An incomplete application is one 422 listing every missing material, and nothing is written")
    void incompleteRefusedOnceWithEverything() {
        long before = count("SELECT COUNT(*) FROM submission");

        Answer answer = submit(UUID.randomUUID().toString(), "{\"matter\":\"company-establishment\",\"applicant\":\""
                + "440605199302163559\",\"declineReuse\":[\"domicile-proof\"]}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("code").asText()).isEqualTo("submission.incomplete");
        assertThat(answer.body().path("missing").findValuesAsText("code"))
                .containsExactlyInAnyOrder("articles-of-association", "domicile-proof");
        assertThat(count("SELECT COUNT(*) FROM submission")).isEqualTo(before);
    }

    @Test
    @DisplayName("No Idempotency-Key is a 400; a key reused for another body a 422; a retry while the first is in flight a 409, and once that claim lapsed the retry goes through")
    void idempotencyKeySemantics() {
        String body = "{\"matter\":\"insurance-registration\",\"applicant\":\"440604197701127170\","
                + "\"commitments\":[\"labour-contract\"],\"declineReuse\":[\"labour-contract\"]}";
        String key = UUID.randomUUID().toString();
        assertThat(submit(key, body).status()).isEqualTo(202);

        Answer none = send(request("/api/v1/submissions").setHeader("Tongban-Purpose", "insurance-registration")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Answer reused = submit(key, body.replace("440604197701127170", "440605199302163559"));
        jdbc.update("UPDATE idempotency_key SET state = 'IN_FLIGHT' WHERE idem_key = ?", key); // the first still running
        Answer inFlight = submit(key, body);
        jdbc.update("UPDATE idempotency_key SET expires_at = ? WHERE idem_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), key); // its process died long ago
        Answer afterLapse = submit(key, body);

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().path("code").asText()).isEqualTo("idempotency.key_required");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("code").asText()).isEqualTo("idempotency.key_reused");
        assertThat(inFlight.status()).isEqualTo(409);
        assertThat(inFlight.body().path("code").asText()).isEqualTo("idempotency.in_flight");
        assertThat(afterLapse.status()).isEqualTo(202);
    }

    private Answer submit(String key, String body) {
        String matter = body.replaceAll(".*\"matter\":\"([^\"]+)\".*", "$1");
        return send(request("/api/v1/submissions").setHeader("Tongban-Purpose", matter).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private String upload(String type, String holder) {
        Answer answer = uploadMaterial(Role.PLATFORM, type, holder, "application/pdf", PDF);
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().path("id").asText();
    }
}

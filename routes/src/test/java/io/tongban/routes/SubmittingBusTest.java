package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.access.Role;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A sandboxed bus test that makes applications over HTTP and follows them to their end. */
public abstract class SubmittingBusTest extends SandboxedBusTest {

    /** A person every sandbox department knows, alive and with an active household. */
    protected static final String FOUNDER = "440305198304261274";
    protected static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(30);

    /** A company establishment by the founder, the proof of domicile given or, when null, owed (容缺). */
    protected String establishCompany(String companyName, String domicileProof) {
        String articles = upload("articles-of-association", FOUNDER);
        String materials = "\"articles-of-association\":\"" + articles + "\""
                + (domicileProof == null ? "" : ",\"domicile-proof\":\"" + domicileProof + "\"");
        return submit("{\"matter\":\"company-establishment\",\"applicant\":\"" + FOUNDER + "\",\"form\":{"
                + "\"name\":\"林示范\",\"companyName\":\"" + companyName + "\",\"companyDomicile\":\"深圳市南山区示范路1号\","
                + "\"businessScope\":\"软件开发\"},\"materials\":{" + materials + "},"
                + "\"declineReuse\":[\"domicile-proof\"]"
                + (domicileProof == null ? ",\"commitments\":[\"domicile-proof\"]" : "") + "}");
    }

    protected static String uniqueCompanyName() {
        return "通办示范" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
    }

    protected JsonNode awaitCompleted(String id) {
        await().atMost(DECIDED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() ->
                get("/api/v1/submissions/" + id).body().path("completedAt").isTextual());
        return get("/api/v1/submissions/" + id).body();
    }

    protected static JsonNode task(JsonNode status, String department) {
        for (JsonNode task : status.path("departments")) {
            if (task.path("department").asText().equals(department)) {
                return task;
            }
        }
        throw new AssertionError("no task of " + department + " in " + status);
    }

    /** How a submission's or a preview's material was satisfied. */
    protected static JsonNode material(JsonNode submission, String code) {
        for (JsonNode material : submission.path("materials")) {
            if (material.path("code").asText().equals(code)) {
                return material;
            }
        }
        throw new AssertionError("no material " + code + " in " + submission);
    }

    /** The departments of the timeline's events of one kind. */
    protected static List<String> events(JsonNode status, String event) {
        return status.path("timeline").findParents("event").stream()
                .filter(e -> e.path("event").asText().equals(event))
                .map(e -> e.path("department").asText()).toList();
    }

    protected String submit(String body) {
        Answer answer = trySubmit(body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return answer.body().path("id").asText();
    }

    protected Answer trySubmit(String body) {
        String matter = body.replaceAll(".*\"matter\":\"([^\"]+)\".*", "$1");
        return send(request("/api/v1/submissions").setHeader("Tongban-Purpose", matter)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected JsonNode preview(String body) {
        String matter = body.replaceAll(".*\"matter\":\"([^\"]+)\".*", "$1");
        Answer answer = send(request("/api/v1/submissions/preview").setHeader("Tongban-Purpose", matter)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    protected String upload(String type, String holder) {
        Answer answer = uploadMaterial(Role.PLATFORM, type, holder, "application/pdf", PDF);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().path("id").asText();
    }
}

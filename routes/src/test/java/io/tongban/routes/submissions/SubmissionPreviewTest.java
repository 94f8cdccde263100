package io.tongban.routes.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The preview over HTTP: identity by system verification, an earlier signed material reused unless declined,
 * everything still to upload named at once, what may follow named apart.
 */
class SubmissionPreviewTest extends SandboxedBusTest {

    private static final String APPLICANT = "440604197701127170";
    private static final String NEWCOMER = "440605199302163559";
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("A residence permit reuses the applicant's signed proof of domicile, verifies identity and insurance at the departments and pre-fills the form; declined, the proof is missing")
    void reusesWhatTheApplicantHandedInBefore() {
        String proof = upload("domicile-proof", APPLICANT).path("id").asText();

        JsonNode preview = preview("residence-permit", APPLICANT, "[]");
        JsonNode declined = preview("residence-permit", APPLICANT, "[\"domicile-proof\"]");

        assertThat(plan(preview, "identity").path("satisfiedBy").asText()).isEqualTo("SYSTEM_VERIFICATION");
        assertThat(plan(preview, "identity").path("department").asText()).isEqualTo("public-security");
        assertThat(plan(preview, "domicile-proof").path("satisfiedBy").asText()).isEqualTo("REUSE");
        assertThat(plan(preview, "domicile-proof").path("material").asText()).isEqualTo(proof);
        assertThat(plan(preview, "domicile-proof").path("grade").asText()).isEqualTo("B");
        assertThat(plan(preview, "insurance-record").path("department").asText()).isEqualTo("social-security");
        assertThat(preview.path("missing")).isEmpty();
        assertThat(preview.path("promise").path("departments").has("public-security")).isTrue();
        JsonNode form = preview.path("form").path("values"); // 表单云: filled from the shared base for this purpose
        assertThat(form.path("name").asText()).isNotEmpty();
        assertThat(form.path("address").asText()).isNotEmpty(); // conditional, granted for residence permits
        assertThat(form.has("ethnicity")).isFalse();
        assertThat(declined.path("missing").toString()).isEqualTo("[\"domicile-proof\"]");
    }

    @Test
    @DisplayName("A newcomer establishing a company is told at once what to upload; the proof of domicile may follow (容缺)")
    void tellsEverythingMissingAtOnce() {
        JsonNode preview = preview("company-establishment", NEWCOMER, "[]");

        assertThat(preview.path("missing").toString()).isEqualTo("[\"articles-of-association\"]");
        assertThat(preview.path("pending").toString()).isEqualTo("[\"domicile-proof\"]");
        assertThat(plan(preview, "articles-of-association").path("upload").toString()).isEqualTo("[\"PDF\"]");
    }

    @Test
    @DisplayName("An unknown matter is a 404, a company applying for a residence permit a 422, no purpose a 400")
    void refusals() {
        Answer unknown = send(previewRequest("fishing-licence", NEWCOMER, "[]").build());
        Answer wrongApplicant = send(previewRequest("residence-permit", "914403077358L88227", "[]").build());
        Answer noPurpose = send(previewRequest("residence-permit", NEWCOMER, "[]").setHeader("Tongban-Purpose", "")
                .build());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("matter.unknown");
        assertThat(wrongApplicant.status()).isEqualTo(422);
        assertThat(wrongApplicant.body().path("code").asText()).isEqualTo("submission.wrong_applicant");
        assertThat(noPurpose.body().path("code").asText()).isEqualTo("access.purpose_required");
    }

    private JsonNode preview(String matter, String applicant, String declined) {
        Answer answer = send(previewRequest(matter, applicant, declined).build());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private HttpRequest.Builder previewRequest(String matter, String applicant, String declined) {
        return request("/api/v1/submissions/preview").setHeader("Tongban-Purpose", matter.equals("fishing-licence")
                        ? "residence-permit" : matter).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"matter\":\"" + matter + "\",\"applicant\":\"" + applicant
                        + "\",\"declineReuse\":" + declined + "}"));
    }

    private static JsonNode plan(JsonNode preview, String code) {
        for (JsonNode plan : preview.path("materials")) {
            if (code.equals(plan.path("code").asText())) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + code + " in " + preview);
    }

    private JsonNode upload(String type, String holder) {
        Answer answer = uploadMaterial(Role.PLATFORM, type, holder, "application/pdf", PDF);
        assertThat(answer.status()).isEqualTo(201);
        return answer.body();
    }
}

package io.tongban.routes.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A material owed at intake (容缺受理) supplied over HTTP: taken once, when it is the applicant's and of the type owed;
 * every refusal a problem with a stable code.
 */
class PendingMaterialTest extends SandboxedBusTest {

    private static final String FOUNDER = "440305198304261274";
    private static final String STRANGER = "440306198805123511"; // given materials by no other test
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("Supplying the owed proof of domicile: an unknown or another consumer's submission is a 404, a material not owed a 409, another person's or another type's material a 422, a body without a material a 400, the auditor a 403; the right one is taken once")
    void supplyRefusalsAndSuccess() {
        String articles = upload("articles-of-association", FOUNDER);
        Answer accepted = send(request("/api/v1/submissions").setHeader("Tongban-Purpose", "company-establishment")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"matter\":\"company-establishment\",\"applicant\":\""
                        + FOUNDER + "\",\"materials\":{\"articles-of-association\":\"" + articles + "\"},"
                        + "\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}")).build());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String id = accepted.body().path("id").asText();
        String domicile = upload("domicile-proof", FOUNDER);

        assertProblem(supply(UUID.randomUUID().toString(), "domicile-proof", domicile), 404, "submission.not_found");
        assertProblem(supply(id, "articles-of-association", articles), 409, "submission.material_not_pending");
        assertProblem(supply(id, "no-such-material", domicile), 409, "submission.material_not_pending");
        assertProblem(supply(id, "domicile-proof", upload("domicile-proof", STRANGER)), 422,
                "submission.material_unsuitable");
        assertProblem(supply(id, "domicile-proof", articles), 422, "submission.material_unsuitable");
        assertProblem(supply(id, "domicile-proof", UUID.randomUUID().toString()), 422, "submission.material_unsuitable");
        assertProblem(send(request("/api/v1/submissions/" + id + "/materials/domicile-proof")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build()),
                400, "api.invalid_request");
        assertProblem(send(anonymousRequest("/api/v1/submissions/" + id + "/materials/domicile-proof")
                .header("Authorization", "Bearer " + token(Role.AUDITOR)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"material\":\"" + domicile + "\"}")).build()),
                403, "access.forbidden");
        assertThat(owed(id)).isEqualTo("PENDING null");

        Answer taken = supply(id, "domicile-proof", domicile);
        Answer again = supply(id, "domicile-proof", domicile);

        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        assertThat(taken.body().path("stillOwed").size()).isZero();
        assertThat(taken.body().path("resumed").path("workingDays").asInt()).isZero(); // supplied the day it was accepted
        assertThat(owed(id)).isEqualTo("UPLOAD " + domicile);
        assertProblem(again, 409, "submission.material_not_pending");
        jdbc.update("UPDATE submission SET consumer = 'another-platform' WHERE id = ?", id);
        assertProblem(supply(id, "domicile-proof", domicile), 404, "submission.not_found");
    }

    private Answer supply(String submission, String code, String material) {
        return send(request("/api/v1/submissions/" + submission + "/materials/" + code)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"material\":\"" + material + "\"}")).build());
    }

    private String owed(String submission) {
        return jdbc.queryForObject("SELECT satisfied_by || ' ' || COALESCE(material_id, 'null') FROM submission_material"
                + " WHERE submission_id = ? AND code = 'domicile-proof'", String.class, submission);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(code + " " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo(code);
    }

    private String upload(String type, String holder) {
        Answer answer = uploadMaterial(Role.PLATFORM, type, holder, "application/pdf", PDF);
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().path("id").asText();
    }
}

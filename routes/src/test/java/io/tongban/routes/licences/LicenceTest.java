package io.tongban.routes.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SubmittingBusTest;
import io.tongban.routes.access.Role;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-licences end to end: market supervision's approval of a company establishment, arriving from the sandbox
 * department over REST, issues the business licence, signed by market supervision's key; anyone verifies it, anyone
 * with its identifier reads its status, only its issuer revokes it, and a revoked or expired one is never reused.
 */
class LicenceTest extends SubmittingBusTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("An approved company establishment issues a business licence with the GB/T 36903 metadata, a GB/T 36904 identifier and market supervision's signature, shown with the submission")
    void approvalIssuesASignedLicence() {
        String companyName = uniqueCompanyName();
        JsonNode status = awaitCompleted(establishCompany(companyName, null));
        String creditCode = task(status, "market-supervision").path("results").path("creditCode").asText();

        assertThat(status.path("licences").size()).as(status.toString()).isEqualTo(1);
        String identifier = status.path("licences").get(0).path("identifier").asText();
        assertThat(events(status, "LICENCE_ISSUED")).containsExactly("market-supervision");
        LicenceIdentifier parsed = LicenceIdentifier.parse(identifier);
        JsonNode licence = get("/api/v1/licences/" + identifier).body();
        JsonNode document = licence.path("document");
        assertThat(licence.path("status").asText()).isEqualTo("VALID");
        assertThat(licence.path("issuedBy").asText()).isEqualTo("market-supervision");
        assertThat(document.path("name").asText()).isEqualTo("营业执照");
        assertThat(document.path("typeCode").asText()).isEqualTo(parsed.typeCode()).isEqualTo("11100000MB0000010Q001");
        assertThat(document.path("number").asText()).isEqualTo(creditCode);
        assertThat(document.path("identifier").asText()).isEqualTo(identifier);
        assertThat(document.path("issuer").path("name").asText()).isEqualTo("深圳市市场监督管理局");
        assertThat(document.path("issuer").path("code").asText()).isEqualTo(parsed.issuerCreditCode());
        assertThat(document.path("issuedOn").asText()).isNotEmpty();
        assertThat(document.path("validUntil").asText()).isEqualTo("长期");
        assertThat(document.path("holder").path("name").asText()).isEqualTo(companyName);
        assertThat(document.path("holder").path("code").asText()).isEqualTo(creditCode);
        assertThat(document.path("data").path("legalRepresentative").asText()).isEqualTo("林示范");
        assertThat(document.path("data").path("domicile").asText()).isEqualTo("深圳市南山区示范路1号");

        JsonNode check = get("/api/v1/licences/" + identifier + "/verification").body();
        assertThat(check.path("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("region").asText()).isEqualTo("local");
        assertThat(check.path("signature").path("signer").path("creditCode").asText())
                .isEqualTo(parsed.issuerCreditCode());
        assertThat(check.path("signature").path("timestampTime").asText()).isNotEmpty();

        JsonNode held = get("/api/v1/licences?holder=" + creditCode).body();
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).path("identifier").asText()).isEqualTo(identifier);
    }

    @Test
    @DisplayName("The licence's signature verifies through the bus's public signature verification too, over the document's RFC 8785 form")
    void signatureVerifiesWithThePublicVerifier() {
        String identifier = issuedBusinessLicence();
        JsonNode licence = get("/api/v1/licences/" + identifier).body();
        String canonical = jdbc.queryForObject("SELECT document_json FROM licence WHERE id = ?", String.class,
                identifier);

        Answer verified = postJson("/api/v1/signatures/verify", "{\"document\":\"" + Base64.getEncoder()
                .encodeToString(canonical.getBytes(StandardCharsets.UTF_8)) + "\",\"signature\":\""
                + licence.path("signature").asText() + "\"}");

        assertThat(verified.status()).as(verified.body().toString()).isEqualTo(200);
        assertThat(verified.body().path("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    @DisplayName("A licence changed in the database behind the bus's back fails verification and is not reused")
    void tamperedLicenceFails() {
        String identifier = issuedBusinessLicence();
        String holder = get("/api/v1/licences/" + identifier).body().path("document").path("holder").path("code")
                .asText();
        jdbc.update("UPDATE licence SET document_json = REPLACE(document_json, '软件开发', '金融业务') WHERE id = ?",
                identifier);

        JsonNode check = get("/api/v1/licences/" + identifier + "/verification").body();

        assertThat(check.path("valid").asBoolean()).isFalse();
        assertThat(check.path("reasonCode").asText()).startsWith("security.");
        assertThat(businessLicenceSource(holder).has("satisfiedBy")).isFalse();
    }

    @Test
    @DisplayName("Anyone holding the identifier reads a licence's status without signing in, and learns nothing of its holder")
    void statusIsPublic() {
        String identifier = issuedBusinessLicence();

        Answer status = send(anonymousRequest("/api/v1/licences/" + identifier + "/status").GET().build());

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("status").asText()).isEqualTo("VALID");
        assertThat(status.body().path("validUntil").asText()).isEqualTo("长期");
        assertThat(status.body().toString()).doesNotContain("holder").doesNotContain("有限公司");
        assertThat(send(anonymousRequest("/api/v1/licences/" + identifier).GET().build()).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Only its issuer revokes a licence, with a reason; its status then says so to anyone, revoking again is 409, and it is never reused")
    void revocationByItsIssuerOnly() {
        String identifier = issuedBusinessLicence();
        String holder = get("/api/v1/licences/" + identifier).body().path("document").path("holder").path("code")
                .asText();
        assertThat(businessLicenceSource(holder).path("licence").asText()).isEqualTo(identifier);

        assertThat(revoke(identifier, Role.PLATFORM, "{\"reason\":\"x\"}").status()).isEqualTo(403);
        Answer noReason = revoke(identifier, Role.DEPARTMENT, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        Answer revoked = revoke(identifier, Role.DEPARTMENT, "{\"reason\":\"依法吊销营业执照\"}");
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        Answer again = revoke(identifier, Role.DEPARTMENT, "{\"reason\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("licence.already_revoked");

        JsonNode status = send(anonymousRequest("/api/v1/licences/" + identifier + "/status").GET().build()).body();
        assertThat(status.path("status").asText()).isEqualTo("REVOKED");
        assertThat(status.path("revocationReason").asText()).isEqualTo("依法吊销营业执照");
        JsonNode check = get("/api/v1/licences/" + identifier + "/verification").body();
        assertThat(check.path("valid").asBoolean()).isFalse();
        assertThat(check.path("reasonCode").asText()).isEqualTo("licence.revoked");
        assertThat(businessLicenceSource(holder).has("satisfiedBy")).isFalse();
    }

    @Test
    @DisplayName("A department that did not issue a licence may not revoke it: market supervision and a residence permit of public security")
    void anotherDepartmentMayNotRevoke() {
        String domicile = upload("domicile-proof", FOUNDER);
        JsonNode status = awaitCompleted(submit("{\"matter\":\"residence-permit\",\"applicant\":\"" + FOUNDER
                + "\",\"form\":{\"name\":\"林示范\"},\"materials\":{\"domicile-proof\":\"" + domicile + "\"}}"));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("APPROVED");
        String identifier = status.path("licences").get(0).path("identifier").asText();
        JsonNode permit = get("/api/v1/licences/" + identifier).body();
        assertThat(permit.path("document").path("validUntil").asText())
                .isEqualTo(LocalDate.parse(permit.path("document").path("issuedOn").asText()).plusYears(1)
                        .minusDays(1).toString());

        Answer refused = revoke(identifier, Role.DEPARTMENT, "{\"reason\":\"not mine\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("code").asText()).isEqualTo("licence.not_issuer");
        assertThat(get("/api/v1/licences/" + identifier).body().path("status").asText()).isEqualTo("VALID");
    }

    @Test
    @DisplayName("A licence past its last valid day shows as EXPIRED and is not reused")
    void expiredLicenceNotReused() {
        String identifier = issuedBusinessLicence();
        String holder = get("/api/v1/licences/" + identifier).body().path("document").path("holder").path("code")
                .asText();
        jdbc.update("UPDATE licence SET valid_until = ? WHERE id = ?", Date.valueOf(LocalDate.now()
                .minusDays(2)), identifier);

        assertThat(get("/api/v1/licences/" + identifier + "/status").body().path("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(businessLicenceSource(holder).has("satisfiedBy")).isFalse();
    }

    @Test
    @DisplayName("A malformed identifier is 400 licence.invalid_identifier; a well-formed one the base does not hold is 404")
    void unknownAndMalformedIdentifiers() {
        Answer malformed = get("/api/v1/licences/1.2.156.3005.2.nonsense/status");
        String unknownId = new LicenceIdentifier("11100000MB0000010Q001", "11440300MB00000237", "NOPE", "001")
                .toString();
        Answer unknown = get("/api/v1/licences/" + unknownId);
        Answer badHolder = get("/api/v1/licences?holder=" + URLEncoder.encode("44030519830426127X",
                StandardCharsets.UTF_8));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("code").asText()).isEqualTo("licence.invalid_identifier");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("licence.not_found");
        assertThat(badHolder.status()).isEqualTo(400);
        assertThat(badHolder.body().path("code").asText()).isEqualTo("mapping.invalid_identifier");
    }

    private String issuedBusinessLicence() {
        JsonNode status = awaitCompleted(establishCompany(uniqueCompanyName(), null));
        assertThat(status.path("licences").size()).as(status.toString()).isEqualTo(1);
        return status.path("licences").get(0).path("identifier").asText();
    }

    /** How an invoice application of the company would satisfy its business licence now. */
    private JsonNode businessLicenceSource(String company) {
        return material(preview("{\"matter\":\"invoice-application\",\"applicant\":\"" + company + "\"}"),
                "business-licence");
    }

    private Answer revoke(String identifier, Role role, String body) {
        return send(anonymousRequest("/api/v1/licences/" + identifier + "/revocation")
                .header("Authorization", "Bearer " + token(role)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}

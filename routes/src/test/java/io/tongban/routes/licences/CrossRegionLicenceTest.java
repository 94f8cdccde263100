package io.tongban.routes.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tongban.routes.OtherRegionPki;
import io.tongban.routes.SubmittingBusTest;
import io.tongban.routes.access.Role;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.pki.CreditCode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cross-region recognition (跨区域电子证照互认): a business licence issued and signed in Guangzhou, under a second real
 * PKI whose trust anchors the bus is configured to recognise, is taken in, verified and reused like our own; one
 * under a PKI it does not recognise, or changed after signing, or signed by someone other than its issuer, is not.
 */
class CrossRegionLicenceTest extends SubmittingBusTest {

    private static final String BUSINESS_LICENCE_TYPE = "11100000MB0000010Q001";
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    @DisplayName("A Guangzhou business licence is taken in, verifies against Guangzhou's anchors, and an invoice application reuses it")
    void recognisedRegionsLicenceIsReused() {
        String company = newCreditCode();
        ObjectNode document = businessLicence(company);

        Answer taken = take(document, sign(OtherRegionPki.signatures(), document));

        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(201);
        String identifier = document.path("identifier").asText();
        assertThat(taken.body().path("region").asText()).isEqualTo(OtherRegionPki.REGION);
        assertThat(taken.body().has("issuedBy")).isFalse();
        JsonNode check = get("/api/v1/licences/" + identifier + "/verification").body();
        assertThat(check.path("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("region").asText()).isEqualTo(OtherRegionPki.REGION);
        assertThat(check.path("signature").path("chain").toString()).contains("Guangzhou Licence Root CA SM2");

        Answer invoice = trySubmit("{\"matter\":\"invoice-application\",\"applicant\":\"" + company + "\"}");

        assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(202);
        JsonNode reused = material(invoice.body(), "business-licence");
        assertThat(reused.path("satisfiedBy").asText()).isEqualTo("E_LICENCE");
        assertThat(reused.path("licence").asText()).isEqualTo(identifier);
        assertThat(reused.path("origin").asText()).isEqualTo(OtherRegionPki.REGION);
        assertThat(revoke(identifier).body().path("code").asText()).isEqualTo("licence.not_issuer");
    }

    @Test
    @DisplayName("A licence signed under a PKI the bus does not recognise is refused, 422 licence.signature_invalid")
    void unrecognisedRegionRefused() {
        ObjectNode document = businessLicence(newCreditCode());

        Answer refused = take(document, sign(OtherRegionPki.unrecognisedSignatures(), document));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("licence.signature_invalid");
        assertThat(refused.body().path("verification").asText()).isEqualTo("security.untrusted_signer");
        assertThat(get("/api/v1/licences/" + document.path("identifier").asText()).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("A licence changed after it was signed is refused")
    void tamperedRefused() {
        ObjectNode document = businessLicence(newCreditCode());
        String signature = sign(OtherRegionPki.signatures(), document);
        ((ObjectNode) document.path("data")).put("businessScope", "金融业务");

        Answer refused = take(document, signature);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("licence.signature_invalid");
    }

    @Test
    @DisplayName("A licence naming an issuer other than its signer is refused: a valid signature is not enough")
    void signerMustBeTheIssuer() {
        String otherIssuer = CreditCode.complete("11440100MB0000031");
        ObjectNode document = businessLicence(newCreditCode());
        String identifier = new LicenceIdentifier(BUSINESS_LICENCE_TYPE, otherIssuer, serial(), "001").toString();
        document.put("identifier", identifier);
        ((ObjectNode) document.path("issuer")).put("code", otherIssuer);

        Answer refused = take(document, sign(OtherRegionPki.signatures(), document));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("verification").asText()).isEqualTo("licence.signer_not_issuer");
    }

    @Test
    @DisplayName("Imports that are not licences are refused with their own codes, and one already held is 409")
    void badImports() {
        ObjectNode document = businessLicence(newCreditCode());
        String signature = sign(OtherRegionPki.signatures(), document);
        ObjectNode wrongCheck = document.deepCopy();
        String identifier = document.path("identifier").asText();
        wrongCheck.put("identifier", identifier.substring(0, identifier.length() - 1)
                + (identifier.endsWith("A") ? "B" : "A"));
        ObjectNode unknownType = document.deepCopy();
        String otherType = CreditCode.complete("11100000MB0000037") + "001";
        unknownType.put("typeCode", otherType);
        unknownType.put("identifier", new LicenceIdentifier(otherType, OtherRegionPki.MARKET_DEPARTMENT.creditCode(),
                serial(), "001").toString());

        assertThat(take(wrongCheck, signature).body().path("code").asText()).isEqualTo("licence.invalid_identifier");
        assertThat(take(unknownType, sign(OtherRegionPki.signatures(), unknownType)).body().path("code").asText())
                .isEqualTo("licence.unknown_type");
        Answer notBase64 = take(document, "%%%");
        assertThat(notBase64.status()).isEqualTo(400);
        Answer noDocument = send(importRequest(Role.PLATFORM, "{\"signature\":\"" + signature + "\"}"));
        assertThat(noDocument.status()).isEqualTo(400);
        assertThat(take(document, signature).status()).isEqualTo(201);
        Answer again = take(document, signature);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("licence.exists");
        assertThat(send(importRequest(Role.AUDITOR, "{}")).status()).isEqualTo(403);
    }

    private static ObjectNode businessLicence(String company) {
        ObjectNode document = JSON.createObjectNode();
        document.put("name", "营业执照");
        document.put("typeCode", BUSINESS_LICENCE_TYPE);
        document.put("number", company);
        document.put("identifier", new LicenceIdentifier(BUSINESS_LICENCE_TYPE,
                OtherRegionPki.MARKET_DEPARTMENT.creditCode(), serial(), "001").toString());
        document.putObject("issuer").put("name", OtherRegionPki.MARKET_DEPARTMENT.organisation())
                .put("code", OtherRegionPki.MARKET_DEPARTMENT.creditCode());
        document.put("issuedOn", LocalDate.now().minusYears(1).toString());
        document.put("validUntil", "长期");
        document.putObject("holder").put("name", "广州互认示范有限公司").put("code", company);
        document.putObject("data").put("companyName", "广州互认示范有限公司").put("businessScope", "软件开发");
        return document;
    }

    private static String sign(SignatureService region, JsonNode document) {
        return Base64.getEncoder().encodeToString(region.signJson(OtherRegionPki.MARKET, SignatureAlgorithm.SM2_SM3,
                document.toString()));
    }

    private Answer take(JsonNode document, String signature) {
        ObjectNode body = JSON.createObjectNode();
        body.set("document", document);
        body.put("signature", signature);
        return send(importRequest(Role.PLATFORM, body.toString()));
    }

    private HttpRequest importRequest(Role role, String body) {
        return anonymousRequest("/api/v1/licences").header("Authorization", "Bearer " + token(role))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Answer revoke(String identifier) {
        return send(anonymousRequest("/api/v1/licences/" + identifier + "/revocation")
                .header("Authorization", "Bearer " + token(Role.DEPARTMENT)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"not ours\"}")).build());
    }

    private static String serial() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** A credit code no other test uses: a company registered in Guangzhou. */
    private static String newCreditCode() {
        StringBuilder code = new StringBuilder("91440101");
        UUID random = UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            code.append(CREDIT_CODE_ALPHABET.charAt((int) Math.floorMod(random.getLeastSignificantBits() >> (i * 5),
                    (long) CREDIT_CODE_ALPHABET.length())));
        }
        return CreditCode.complete(code.toString());
    }
}

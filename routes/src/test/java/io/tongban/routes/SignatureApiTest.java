package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.revocation.RevocationReason;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Verification through the bus: the report of a real verifier, and the trust material to verify alone. */
class SignatureApiTest extends SandboxedBusTest {

    private static final byte[] LICENCE = "营业执照 914403077358L88227 深圳新锐建筑工程有限公司".getBytes(StandardCharsets.UTF_8);

    @Autowired
    SignatureService signatures;

    @Test
    @DisplayName("A document signed by market supervision (SM2) verifies VALID, naming the signer and the timestamp")
    void validSignature() {
        byte[] signature = signatures.sign("market-supervision", SignatureAlgorithm.SM2_SM3, LICENCE);

        Answer answer = verify(LICENCE, signature);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("verdict").asText()).isEqualTo("VALID");
        assertThat(answer.body().path("signatureAlgorithm").asText()).isEqualTo("SM3withSM2");
        assertThat(answer.body().path("signer").toString()).contains("market-supervision");
        assertThat(answer.body().path("timestampTime").asText()).isNotEmpty();
    }

    @Test
    @DisplayName("A tampered document is INVALID with security.digest_mismatch")
    void tamperedDocument() {
        byte[] signature = signatures.sign("tax", SignatureAlgorithm.ECDSA_P256_SHA256, LICENCE);
        byte[] tampered = LICENCE.clone();
        tampered[0] ^= 1;

        Answer answer = verify(tampered, signature);

        assertThat(answer.body().path("verdict").asText()).isEqualTo("INVALID");
        assertThat(answer.body().path("reasonCode").asText()).isEqualTo("security.digest_mismatch");
    }

    @Test
    @DisplayName("Bytes that are no CMS structure are INVALID with security.malformed_signature; non-base64 is a 400")
    void malformedSignature() {
        Answer malformed = verify(LICENCE, new byte[] {0x30, 0x03, 0x02, 0x01});
        Answer notBase64 = postJson("/api/v1/signatures/verify", "{\"document\":\"AAAA\",\"signature\":\"%%%\"}");

        assertThat(malformed.body().path("reasonCode").asText()).isEqualTo("security.malformed_signature");
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.body().path("code").asText()).isEqualTo("api.invalid_request");
    }

    @Test
    @DisplayName("A signature made after its certificate was revoked is INVALID with security.certificate_revoked")
    void revokedCertificate() {
        var certificate = signatures.certificate("social-security", SignatureAlgorithm.ECDSA_P256_SHA256);
        signatures.revoke(SignatureAlgorithm.ECDSA_P256_SHA256, certificate.getSerialNumber(),
                RevocationReason.KEY_COMPROMISE, Instant.now().minusSeconds(5));
        byte[] signature = signatures.sign("social-security", SignatureAlgorithm.ECDSA_P256_SHA256, LICENCE);

        Answer answer = verify(LICENCE, signature);

        assertThat(answer.body().path("reasonCode").asText()).isEqualTo("security.certificate_revoked");
    }

    @Test
    @DisplayName("The trust anchors are served as PEM certificates and the CRLs as DER, one per algorithm family")
    void trustMaterial() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> anchors = http.send(anonymousRequest("/api/v1/trust-anchors").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> crl = http.send(anonymousRequest("/api/v1/crls/sm2").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Answer unknown = get("/api/v1/crls/rsa");

        CertificateFactory factory = CertificateFactory.getInstance("X.509", "BC");
        assertThat(factory.generateCertificates(new ByteArrayInputStream(anchors.body()))).hasSize(2);
        X509CRL parsed = (X509CRL) factory.generateCRL(new ByteArrayInputStream(crl.body()));
        assertThat(parsed.getIssuerX500Principal().getName()).contains("Issuing CA");
        assertThat(crl.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Answer verify(byte[] document, byte[] signature) {
        Base64.Encoder base64 = Base64.getEncoder();
        return postJson("/api/v1/signatures/verify", "{\"document\":\"" + base64.encodeToString(document)
                + "\",\"signature\":\"" + base64.encodeToString(signature) + "\"}");
    }
}

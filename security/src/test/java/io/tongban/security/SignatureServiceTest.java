package io.tongban.security;

import io.tongban.security.cms.CmsProfile;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.revocation.RevocationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureServiceTest {
    private static final byte[] DOCUMENT = "营业执照 91440300MA5FXXXX7Q".getBytes(StandardCharsets.UTF_8);

    private final SignatureService service = new SignatureService(TestPki.shared(), SignatureSettings.defaults(),
            Clock.systemUTC());

    @ParameterizedTest(name = "{0}: a department's timestamped signature verifies with a full report")
    @EnumSource(SignatureAlgorithm.class)
    void departmentSignatureVerifiesWithFullReport(SignatureAlgorithm algorithm) {
        byte[] signature = service.sign("market-supervision", algorithm, DOCUMENT);

        VerificationReport report = service.verify(DOCUMENT, signature);

        assertThat(report.reason()).isNull();
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.VALID);
        assertThat(report.digestMatches()).isTrue();
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.chainTrusted()).isTrue();
        assertThat(report.chain()).hasSize(3);
        assertThat(report.signer().creditCode()).isEqualTo(CreditCode.complete("11440300MB0000023"));
        assertThat(report.signer().organisation()).isEqualTo("深圳市市场监督管理局");
        assertThat(report.timestampTime()).isNotNull();
        assertThat(report.validationTime()).isEqualTo(report.timestampTime());
        assertThat(report.timestampAuthority()).contains("CN=tsa");
        assertThat(report.signingTime()).isNotNull();
        assertThat(report.certificateValidAtTime()).isTrue();
        assertThat(report.revocation().state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(report.signatureAlgorithm()).isEqualTo(algorithm.jcaSignatureName());
        assertThat(report.digestAlgorithm()).isEqualTo(algorithm.jcaDigestName());
        assertThat(report.profile()).isEqualTo(CmsProfile.PKCS7);
    }

    @Test
    @DisplayName("SM2 signatures in the GM/T 0010 profile carry its OIDs and verify")
    void gmt0010ProfileVerifies() {
        SignatureService gm = new SignatureService(TestPki.shared(),
                SignatureSettings.defaults().withSm2Profile(CmsProfile.GMT_0010), Clock.systemUTC());
        byte[] signature = gm.sign("tax", SignatureAlgorithm.SM2_SM3, DOCUMENT);

        VerificationReport report = service.verify(DOCUMENT, signature);
        ContentInfo outer = ContentInfo.getInstance(signature);
        SignedData signedData = SignedData.getInstance(outer.getContent());

        assertThat(outer.getContentType().getId()).isEqualTo("1.2.156.10197.6.1.4.2.2");
        assertThat(signedData.getEncapContentInfo().getContentType().getId()).isEqualTo("1.2.156.10197.6.1.4.2.1");
        assertThat(signedData.getEncapContentInfo().getContent()).as("detached").isNull();
        assertThat(report.isValid()).as(report.reason()).isTrue();
        assertThat(report.profile()).isEqualTo(CmsProfile.GMT_0010);
        assertThat(report.signatureAlgorithm()).isEqualTo("SM3withSM2");
    }

    @Test
    @DisplayName("a signed JSON licence still verifies after re-serialisation, and not after a field changes")
    void jsonSignatureSurvivesReserialisation() {
        String licence = "{\"zzlx\":\"营业执照\",\"cyr\":{\"dm\":\"91440300MA5FXXXX7H\"},\"yxq\":10}";
        byte[] signature = service.signJson("market-supervision", SignatureAlgorithm.SM2_SM3, licence);

        VerificationReport reordered = service.verifyJson(
                "{\n \"yxq\": 10.0,\n \"cyr\": { \"dm\": \"91440300MA5FXXXX7H\" },\n \"zzlx\": \"\\u8425\\u4e1a\\u6267\\u7167\"\n}",
                signature);
        VerificationReport altered = service.verifyJson(licence.replace("10", "20"), signature);

        assertThat(reordered.isValid()).as(reordered.reason()).isTrue();
        assertThat(altered.reasonCode()).isEqualTo("security.digest_mismatch");
    }

    @Test
    @DisplayName("one service signs and verifies from several threads at once, every report VALID")
    void concurrentSignAndVerify() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<VerificationReport>>();
            for (int i = 0; i < 40; i++) {
                SignatureAlgorithm algorithm = SignatureAlgorithm.values()[i % 2];
                byte[] document = ("材料 " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> service.verify(document, service.sign("tax", algorithm, document))));
            }
            for (var result : results) {
                VerificationReport report = result.get();
                assertThat(report.isValid()).as(report.reason()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

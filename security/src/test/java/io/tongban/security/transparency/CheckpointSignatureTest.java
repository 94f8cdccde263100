package io.tongban.security.transparency;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.TestPki;
import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.CmsSigner;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.pki.Department;
import io.tongban.security.revocation.RevocationReason;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints signed by the log identity verify; every other signature, text or token fails with its reason. */
class CheckpointSignatureTest {
    private static final Clock CLOCK = TestLog.CLOCK;
    private final BusPki pki = TestPki.shared();
    private final CheckpointVerifier verifier = TestLog.checkpointVerifier();

    private static Checkpoint checkpoint(long size) {
        return new Checkpoint(TestLog.ORIGIN, size, MerkleHash.SHA_256.leaf(new byte[]{(byte) size}),
                MerkleHash.SHA_256, CLOCK.instant());
    }

    @ParameterizedTest(name = "{0}: a checkpoint signed by the log identity verifies, with and without timestamp")
    @EnumSource(SignatureAlgorithm.class)
    void logSignatureVerifies(SignatureAlgorithm algorithm) {
        CheckpointSigner signer = new CheckpointSigner(TestLog.signatures(), Department.EXCHANGE_LOG, algorithm);
        SignedCheckpoint plain = signer.sign(checkpoint(8));
        SignedCheckpoint stamped = signer.timestamp(plain);

        CheckpointVerification withoutToken = verifier.verify(plain);
        CheckpointVerification withToken = verifier.verify(stamped);

        assertThat(withoutToken.valid()).as(withoutToken.reason()).isTrue();
        assertThat(withoutToken.signature().timestampTime()).as("no timestamp inside the CMS signature").isNull();
        assertThat(withoutToken.signature().signer().subject()).contains("CN=exchange-log");
        assertThat(withToken.valid()).as(withToken.reason()).isTrue();
        assertThat(withToken.timestampTime()).isBetween(CLOCK.instant().minusSeconds(60), CLOCK.instant());
        assertThat(withToken.timestampAuthority()).contains("CN=tsa");
        assertThat(stamped.signature()).isEqualTo(plain.signature());
    }

    @Test
    @DisplayName("a signature over another checkpoint text fails with security.digest_mismatch")
    void tamperedTextFails() {
        SignedCheckpoint signed = TestLog.signer().sign(checkpoint(8));
        SignedCheckpoint tampered = new SignedCheckpoint(checkpoint(9), signed.signature(), null);

        CheckpointVerification verification = verifier.verify(tampered);

        assertThat(verification.failure()).isEqualTo(CheckpointVerification.Failure.SIGNATURE);
        assertThat(verification.reasonCode()).isEqualTo("security.digest_mismatch");
    }

    @Test
    @DisplayName("an 'exchange-log' certified by a CA outside the trust anchors fails with security.untrusted_signer")
    void otherPkiFails(@TempDir Path foreignDir) {
        CertificateAuthority foreign = CertificateAuthority.create(SignatureAlgorithm.SM2_SM3, foreignDir,
                TestPki.PASSWORD, CLOCK);
        CertifiedKey impostor = foreign.issue(new Department(Department.EXCHANGE_LOG, "某机构", "日志",
                CreditCode.complete("11440300MB0000089")));
        Checkpoint checkpoint = checkpoint(8);
        byte[] signature = new CmsSigner(SignatureAlgorithm.SM2_SM3, impostor, null, CmsProfile.PKCS7)
                .sign(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));

        CheckpointVerification verification = verifier.verify(new SignedCheckpoint(checkpoint, signature, null));

        assertThat(verification.reasonCode()).isEqualTo("security.untrusted_signer");
        assertThat(verification.signature().chainTrusted()).isFalse();
    }

    @Test
    @DisplayName("a department with a trusted certificate cannot sign the log's checkpoints: security.untrusted_signer")
    void trustedDepartmentIsNotTheLog() {
        SignedCheckpoint byTax = new CheckpointSigner(TestLog.signatures(), "tax", SignatureAlgorithm.SM2_SM3)
                .sign(checkpoint(8));

        CheckpointVerification verification = verifier.verify(byTax);

        assertThat(verification.failure()).isEqualTo(CheckpointVerification.Failure.SIGNATURE);
        assertThat(verification.reasonCode()).isEqualTo("security.untrusted_signer");
        assertThat(verification.reason()).contains("CN=tax").contains("not by the log's identity CN=exchange-log");
        assertThat(verification.signature().chainTrusted()).isTrue();
    }

    @Test
    @DisplayName("a revoked log certificate fails with security.certificate_revoked, unless a timestamp predates the revocation")
    void revokedLogCertificate() {
        Department log = TestPki.freshDepartment();
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.SM2_SM3);
        CertifiedKey key = ca.issue(log);
        CheckpointSigner signer = new CheckpointSigner(TestLog.signatures(), log.name(), SignatureAlgorithm.SM2_SM3);
        SignedCheckpoint stamped = signer.signAndTimestamp(checkpoint(8));
        SignedCheckpoint plain = signer.sign(checkpoint(9));
        CheckpointVerifier logVerifier = new CheckpointVerifier(pki.trustStore(), pki.revocationChecker(), log.name(),
                Clock.offset(CLOCK, Duration.ofHours(1))); // judged an hour later, after the revocation
        Instant stampedAt = logVerifier.verify(stamped).timestampTime();
        // CRLs keep whole seconds: two seconds later is after the token once cut to its second
        pki.revocationChecker().publish(ca.revoke(key.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE,
                stampedAt.plusSeconds(2)), ca.issuingCertificate());

        CheckpointVerification untimestamped = logVerifier.verify(plain);
        CheckpointVerification timestamped = logVerifier.verify(stamped);

        assertThat(untimestamped.reasonCode()).isEqualTo("security.certificate_revoked");
        assertThat(timestamped.valid()).as(timestamped.reason()).isTrue();
    }

    @Test
    @DisplayName("a timestamp token over other data, or no token at all but bytes, fails with security.timestamp_invalid")
    void badTimestampTokenFails() {
        SignedCheckpoint signed = TestLog.signer().sign(checkpoint(8));
        byte[] otherToken = TestLog.signatures().timestamp(SignatureAlgorithm.SM2_SM3, new byte[]{1, 2, 3});

        CheckpointVerification overOtherData = verifier.verify(signed.withTimestamp(otherToken));
        CheckpointVerification garbage = verifier.verify(signed.withTimestamp(new byte[]{0x30, 0x03, 1, 2, 3}));

        assertThat(overOtherData.failure()).isEqualTo(CheckpointVerification.Failure.TIMESTAMP);
        assertThat(overOtherData.reasonCode()).isEqualTo("security.timestamp_invalid");
        assertThat(overOtherData.reason()).contains("over other data");
        assertThat(garbage.reasonCode()).isEqualTo("security.timestamp_invalid");
        assertThat(overOtherData.signature().isValid()).as("the signature itself is fine").isTrue();
    }

    @Test
    @DisplayName("the log's CMS signature carries no timestamp of its own; the separate token is a plain RFC 3161 token")
    void signatureAndTokenAreSeparate() throws Exception {
        SignedCheckpoint stamped = TestLog.signer().signAndTimestamp(checkpoint(8));

        CMSSignedData signature = new CMSSignedData(ContentInfo.getInstance(stamped.signature()));
        assertThat(signature.getSignerInfos().getSigners().iterator().next().getUnsignedAttributes()).isNull();
        assertThat(new org.bouncycastle.tsp.TimeStampToken(ContentInfo.getInstance(stamped.timestampToken()))
                .getTimeStampInfo().getGenTime()).isNotNull();
    }
}

package io.tongban.security.cms;

import io.tongban.security.BouncyCastle;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.TestPki;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.Department;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.revocation.RevocationReason;
import io.tongban.security.revocation.RevocationStatus;
import io.tongban.security.tsp.LocalTimestampAuthority;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a signature must fail, each with its own reason code, and the cases that must still pass. */
class CmsVerifierTest {
    private static final byte[] DOCUMENT = "{\"zzlx\":\"营业执照\",\"tyshxydm\":\"91440300MA5FXXXX7Q\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.systemUTC();

    private final BusPki pki = TestPki.shared();
    private final CmsVerifier verifier = new CmsVerifier(pki.trustStore(), pki.revocationChecker(),
            VerificationPolicy.strict(), CLOCK);

    private static CmsSigner signer(SignatureAlgorithm algorithm, CertifiedKey key) {
        return new CmsSigner(algorithm, key, tsa(algorithm), CmsProfile.PKCS7);
    }

    private static LocalTimestampAuthority tsa(SignatureAlgorithm algorithm) {
        return new LocalTimestampAuthority(algorithm, TestPki.identity(Department.TSA, algorithm), CLOCK);
    }

    @ParameterizedTest(name = "{0}: content changed after signing fails with security.digest_mismatch")
    @EnumSource(SignatureAlgorithm.class)
    void tamperedContentFails(SignatureAlgorithm algorithm) {
        byte[] signature = signer(algorithm, TestPki.identity("tax", algorithm)).sign(DOCUMENT);
        byte[] tampered = DOCUMENT.clone();
        tampered[tampered.length - 3] ^= 1;

        VerificationReport report = verifier.verify(tampered, signature);

        assertThat(report.reasonCode()).isEqualTo("security.digest_mismatch");
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.INVALID);
        assertThat(report.digestMatches()).isFalse();
        assertThat(report.signatureValid()).as("the signature over the attributes itself is intact").isTrue();
    }

    @Test
    @DisplayName("a valid signature presented with another document fails with security.digest_mismatch")
    void wrongDocumentFails() {
        byte[] signature = signer(SignatureAlgorithm.SM2_SM3, TestPki.identity("tax", SignatureAlgorithm.SM2_SM3))
                .sign(DOCUMENT);

        VerificationReport report = verifier.verify("另一份材料".getBytes(StandardCharsets.UTF_8), signature);

        assertThat(report.reasonCode()).isEqualTo("security.digest_mismatch");
    }

    @Test
    @DisplayName("a signer certified by a CA outside the trust anchors fails with security.untrusted_signer")
    void untrustedSignerFails(@TempDir Path foreignDir) {
        CertificateAuthority foreign = CertificateAuthority.create(SignatureAlgorithm.SM2_SM3, foreignDir,
                TestPki.PASSWORD, CLOCK);
        CertifiedKey impostor = foreign.issue(TestPki.freshDepartment());
        byte[] signature = signer(SignatureAlgorithm.SM2_SM3, impostor).sign(DOCUMENT);

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.untrusted_signer");
        assertThat(report.chainTrusted()).isFalse();
        assertThat(report.digestMatches()).isTrue();
        assertThat(report.signatureValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}: a certificate expired before the timestamp fails with security.certificate_expired")
    @EnumSource(SignatureAlgorithm.class)
    void expiredCertificateFails(SignatureAlgorithm algorithm) {
        Instant now = CLOCK.instant();
        CertifiedKey expired = TestPki.authority(algorithm).issue(TestPki.freshDepartment(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        byte[] signature = signer(algorithm, expired).sign(DOCUMENT);

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.certificate_expired");
        assertThat(report.certificateValidAtTime()).isFalse();
        assertThat(report.timestampTime()).isNotNull();
    }

    @ParameterizedTest(name = "{0}: a certificate revoked before the signing time fails with security.certificate_revoked")
    @EnumSource(SignatureAlgorithm.class)
    void certificateRevokedBeforeSigningFails(SignatureAlgorithm algorithm) {
        CertificateAuthority ca = TestPki.authority(algorithm);
        CertifiedKey holder = ca.issue(TestPki.freshDepartment());
        pki.revocationChecker().publish(ca.revoke(holder.certificate().getSerialNumber(),
                RevocationReason.KEY_COMPROMISE, CLOCK.instant().minus(Duration.ofHours(1))), ca.issuingCertificate());
        byte[] signature = signer(algorithm, holder).sign(DOCUMENT);

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.certificate_revoked");
        assertThat(report.revocation().state()).isEqualTo(RevocationStatus.State.REVOKED);
        assertThat(report.revocation().reason()).isEqualTo("keyCompromise");
    }

    @Test
    @DisplayName("a certificate revoked after the timestamped signing still vouches for what it signed")
    void certificateRevokedAfterSigningStaysValid() {
        SignatureAlgorithm algorithm = SignatureAlgorithm.SM2_SM3;
        CertificateAuthority ca = TestPki.authority(algorithm);
        CertifiedKey holder = ca.issue(TestPki.freshDepartment());
        byte[] signature = signer(algorithm, holder).sign(DOCUMENT);
        Instant timestamped = verifier.verify(DOCUMENT, signature).timestampTime();
        // CRL times have whole seconds; the stated time is cut to its second, i.e. takes effect earlier
        Instant revocation = timestamped.plusSeconds(2);
        pki.revocationChecker().publish(ca.revoke(holder.certificate().getSerialNumber(),
                RevocationReason.AFFILIATION_CHANGED, revocation), ca.issuingCertificate());

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.isValid()).as(report.reason()).isTrue();
        assertThat(report.revocation().state()).isEqualTo(RevocationStatus.State.REVOKED_LATER);
        assertThat(report.revocation().revokedAt()).isEqualTo(revocation.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    @DisplayName("without a timestamp the strict policy fails with security.timestamp_missing, a lenient one passes")
    void missingTimestampFailsWhenPolicyRequiresIt() {
        CmsSigner noTimestamp = new CmsSigner(SignatureAlgorithm.SM2_SM3,
                TestPki.identity("public-security", SignatureAlgorithm.SM2_SM3), null, CmsProfile.PKCS7);
        byte[] signature = noTimestamp.sign(DOCUMENT);

        VerificationReport strict = verifier.verify(DOCUMENT, signature);
        VerificationReport lenient = verifier.withPolicy(VerificationPolicy.strict().withoutTimestampRequirement())
                .verify(DOCUMENT, signature);

        assertThat(strict.reasonCode()).isEqualTo("security.timestamp_missing");
        assertThat(strict.timestampTime()).isNull();
        assertThat(lenient.isValid()).as(lenient.reason()).isTrue();
        assertThat(lenient.validationTime()).isNotNull();
    }

    @Test
    @DisplayName("bytes that are not DER fail with security.malformed_signature")
    void garbageFailsAsMalformed() {
        VerificationReport report = verifier.verify(DOCUMENT, "-----BEGIN nonsense".getBytes(StandardCharsets.UTF_8));

        assertThat(report.reasonCode()).isEqualTo("security.malformed_signature");
        assertThat(report.signer()).isNull();
    }

    @Test
    @DisplayName("a truncated signature fails with security.malformed_signature")
    void truncatedSignatureFailsAsMalformed() {
        byte[] signature = signer(SignatureAlgorithm.ECDSA_P256_SHA256,
                TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256)).sign(DOCUMENT);

        VerificationReport report = verifier.verify(DOCUMENT, Arrays.copyOf(signature, signature.length - 10));

        assertThat(report.reasonCode()).isEqualTo("security.malformed_signature");
    }

    @Test
    @DisplayName("DER of another CMS type (EnvelopedData) fails with security.malformed_signature")
    void otherContentTypeFailsAsMalformed() throws Exception {
        byte[] notSigned = new ContentInfo(CMSObjectIdentifiers.envelopedData,
                new org.bouncycastle.asn1.DEROctetString(new byte[]{1, 2, 3})).getEncoded();

        VerificationReport report = verifier.verify(DOCUMENT, notSigned);

        assertThat(report.reasonCode()).isEqualTo("security.malformed_signature");
        assertThat(report.reason()).contains("not SignedData");
    }

    @Test
    @DisplayName("ECDSA with SHA-512 is refused with security.unsupported_algorithm")
    void unsupportedAlgorithmFails() throws Exception {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                .build(new JcaContentSignerBuilder("SHA512withECDSA").setProvider(BouncyCastle.PROVIDER)
                        .build(tax.privateKey()), tax.certificate()));
        generator.addCertificates(new JcaCertStore(tax.chain()));
        byte[] signature = generator.generate(new CMSProcessableByteArray(DOCUMENT), false).getEncoded();

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.unsupported_algorithm");
        assertThat(report.signatureAlgorithm()).isEqualTo("1.2.840.10045.4.3.4");
    }

    @Test
    @DisplayName("a signature by another key than the carried certificate's fails with security.signature_invalid")
    void signatureByAnotherKeyFails() {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.SM2_SM3);
        CertifiedKey forged = new CertifiedKey(TestPki.identity("platform", SignatureAlgorithm.SM2_SM3).privateKey(),
                tax.chain());

        VerificationReport report = verifier.verify(DOCUMENT, signer(SignatureAlgorithm.SM2_SM3, forged).sign(DOCUMENT));

        assertThat(report.reasonCode()).isEqualTo("security.signature_invalid");
        assertThat(report.signatureValid()).isFalse();
    }

    @Test
    @DisplayName("a timestamp token lifted from another signature fails with security.timestamp_invalid")
    void timestampOfAnotherSignatureFails() throws Exception {
        CmsSigner tax = signer(SignatureAlgorithm.SM2_SM3, TestPki.identity("tax", SignatureAlgorithm.SM2_SM3));
        CMSSignedData victim = new CMSSignedData(new CMSProcessableByteArray(DOCUMENT), tax.sign(DOCUMENT));
        CMSSignedData donor = new CMSSignedData(new CMSProcessableByteArray(DOCUMENT), tax.sign(DOCUMENT));
        SignerInformation victimSigner = victim.getSignerInfos().getSigners().iterator().next();
        SignerInformation donorSigner = donor.getSignerInfos().getSigners().iterator().next();
        SignerInformation grafted = SignerInformation.replaceUnsignedAttributes(victimSigner,
                donorSigner.getUnsignedAttributes());
        byte[] signature = CMSSignedData.replaceSigners(victim, new SignerInformationStore(grafted)).getEncoded();

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(donorSigner.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        assertThat(report.reasonCode()).isEqualTo("security.timestamp_invalid");
    }

    @Test
    @DisplayName("without the issuer's CRL the strict policy fails with security.revocation_unknown")
    void unknownRevocationStatusFails() {
        CmsVerifier withoutCrls = new CmsVerifier(pki.trustStore(), new RevocationChecker(CLOCK),
                VerificationPolicy.strict(), CLOCK);
        byte[] signature = signer(SignatureAlgorithm.SM2_SM3, TestPki.identity("tax", SignatureAlgorithm.SM2_SM3))
                .sign(DOCUMENT);

        VerificationReport report = withoutCrls.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.revocation_unknown");
        assertThat(report.revocation().state()).isEqualTo(RevocationStatus.State.UNKNOWN);
    }

    @Test
    @DisplayName("the report names the signer's chain from its certificate to the root")
    void reportListsChain() {
        byte[] signature = signer(SignatureAlgorithm.SM2_SM3, TestPki.identity("tax", SignatureAlgorithm.SM2_SM3))
                .sign(DOCUMENT);

        List<String> chain = verifier.verify(DOCUMENT, signature).chain();

        assertThat(chain).hasSize(3);
        assertThat(chain.get(0)).contains("CN=tax");
        assertThat(chain.get(1)).contains("Issuing CA SM2");
        assertThat(chain.get(2)).contains("Root CA SM2");
    }

    @Test
    @DisplayName("every single-byte corruption of a signature yields an INVALID report, never an exception")
    void corruptedSignaturesNeverThrow() {
        byte[] signature = signer(SignatureAlgorithm.ECDSA_P256_SHA256,
                TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256)).sign(DOCUMENT);
        java.util.Random random = new java.util.Random(7);

        for (int i = 0; i < 300; i++) {
            byte[] corrupted = signature.clone();
            corrupted[random.nextInt(corrupted.length)] ^= (byte) (1 + random.nextInt(255));
            VerificationReport report = verifier.verify(DOCUMENT, corrupted);
            if (report.isValid()) {
                // a flip inside an unsigned, unchecked field (e.g. a certificate's unused padding) may be harmless;
                // everything the verdict rests on must still hold
                assertThat(report.digestMatches() && report.signatureValid() && report.chainTrusted()).isTrue();
            } else {
                assertThat(report.reasonCode()).startsWith("security.");
            }
        }
    }

    @Test
    @DisplayName("a document signed with the TSA's key fails with security.untrusted_signer: that key only timestamps")
    void tsaKeyCannotSignDocuments() {
        byte[] signature = signer(SignatureAlgorithm.SM2_SM3, TestPki.identity(Department.TSA, SignatureAlgorithm.SM2_SM3))
                .sign(DOCUMENT);

        VerificationReport report = verifier.verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.untrusted_signer");
        assertThat(report.chainTrusted()).isTrue();
    }

    @Test
    @DisplayName("a certificate whose validity starts after the timestamp fails with security.certificate_not_yet_valid")
    void certificateNotYetValidFails() {
        Instant now = CLOCK.instant();
        CertifiedKey early = TestPki.authority(SignatureAlgorithm.SM2_SM3).issue(TestPki.freshDepartment(),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

        VerificationReport report = verifier.verify(DOCUMENT, signer(SignatureAlgorithm.SM2_SM3, early).sign(DOCUMENT));

        assertThat(report.reasonCode()).isEqualTo("security.certificate_not_yet_valid");
    }

    @Test
    @DisplayName("a signing-certificate-v2 attribute naming another certificate fails with security.signing_certificate_mismatch")
    void signingCertificateOfAnotherHolderFails() throws Exception {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256);
        X509Certificate platform = TestPki.identity(Department.PLATFORM, SignatureAlgorithm.ECDSA_P256_SHA256).certificate();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                        CmsSigner.signingCertificateV2(SignatureAlgorithm.ECDSA_P256_SHA256, platform))))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
                        .build(tax.privateKey()), tax.certificate()));
        generator.addCertificates(new JcaCertStore(tax.chain()));
        byte[] signature = generator.generate(new CMSProcessableByteArray(DOCUMENT), false).getEncoded();

        VerificationReport report = verifier.withPolicy(VerificationPolicy.strict().withoutTimestampRequirement())
                .verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.signing_certificate_mismatch");
        assertThat(report.signatureValid()).isTrue();
    }

    @Test
    @DisplayName("an SM2 signature made over a pre-hashed SM3 digest fails with security.signature_invalid and says why")
    void preHashedSm2SignatureIsNamed() throws Exception {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.SM2_SM3);
        CMSSignedData genuine = new CMSSignedData(new CMSProcessableByteArray(DOCUMENT),
                new CmsSigner(SignatureAlgorithm.SM2_SM3, tax, null, CmsProfile.PKCS7).sign(DOCUMENT));
        SignerInformation signerInfo = genuine.getSignerInfos().getSigners().iterator().next();
        byte[] preHash = java.security.MessageDigest.getInstance("SM3", BouncyCastle.PROVIDER)
                .digest(signerInfo.getEncodedSignedAttributes());
        byte[] preHashedSignature = io.tongban.security.RawSignatures.sign(SignatureAlgorithm.SM2_SM3, tax.privateKey(), preHash);
        var original = signerInfo.toASN1Structure();
        var replaced = new org.bouncycastle.asn1.cms.SignerInfo(original.getSID(), original.getDigestAlgorithm(),
                original.getAuthenticatedAttributes(), original.getDigestEncryptionAlgorithm(),
                new org.bouncycastle.asn1.DEROctetString(preHashedSignature), original.getUnauthenticatedAttributes());
        var signedData = org.bouncycastle.asn1.cms.SignedData.getInstance(genuine.toASN1Structure().getContent());
        var forged = new org.bouncycastle.asn1.cms.SignedData(signedData.getDigestAlgorithms(),
                signedData.getEncapContentInfo(), signedData.getCertificates(), signedData.getCRLs(),
                new org.bouncycastle.asn1.DERSet(replaced));
        byte[] signature = new ContentInfo(CMSObjectIdentifiers.signedData, forged).getEncoded();

        VerificationReport report = verifier.withPolicy(VerificationPolicy.strict().withoutTimestampRequirement())
                .verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).isEqualTo("security.signature_invalid");
        assertThat(report.reason()).contains("pre-hashed");
        assertThat(report.digestMatches()).isTrue();
    }
}

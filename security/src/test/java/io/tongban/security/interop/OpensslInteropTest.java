package io.tongban.security.interop;

import io.tongban.security.RawSignatures;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.TestPki;
import io.tongban.security.cms.VerificationPolicy;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.pki.PkiFiles;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with an independent implementation: the real OpenSSL 3.0 binary.
 * OpenSSL 3.0 signs and verifies SM2 with an empty signer identity unless told otherwise, whereas
 * GM/T 0009 (and Bouncy Castle) use "1234567812345678"; the SM2 commands therefore pass that
 * identity explicitly, and a control without it shows the difference matters.
 */
class OpensslInteropTest {
    private static final String SM2_DEFAULT_ID = "distid:1234567812345678";
    private static final byte[] DOCUMENT = "居住证申请材料：住所证明\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    private final SignatureService bus = new SignatureService(TestPki.shared(), SignatureSettings.defaults(),
            Clock.systemUTC());

    @Test
    @DisplayName("an ECDSA signature made by the bus verifies with openssl cms -verify against the bus root")
    void busEcdsaCmsVerifiesInOpenssl() throws Exception {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.ECDSA_P256_SHA256);
        Files.write(work.resolve("doc.txt"), DOCUMENT);
        Files.write(work.resolve("sig.der"), bus.sign("public-security", SignatureAlgorithm.ECDSA_P256_SHA256, DOCUMENT));
        PkiFiles.writePem(work.resolve("root.pem"), ca.rootCertificate());
        Files.write(work.resolve("tampered.txt"), "居住证申请材料：另一住所\n".getBytes(StandardCharsets.UTF_8));

        var verified = Openssl.run(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
                "-content", "doc.txt", "-CAfile", "root.pem", "-out", "/dev/null");
        var tampered = Openssl.run(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
                "-content", "tampered.txt", "-CAfile", "root.pem", "-out", "/dev/null");

        assertThat(verified.succeeded()).as(verified.output()).isTrue();
        assertThat(verified.output()).contains("Verification successful");
        assertThat(tampered.succeeded()).as("openssl must reject other content").isFalse();
    }

    @Test
    @DisplayName("the bus verifies a detached CMS signature made by openssl cms -sign -binary -md sha256")
    void opensslCmsSignatureVerifiesInBus() throws Exception {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256);
        Files.write(work.resolve("doc.txt"), DOCUMENT);
        exportKey(tax, "tax");

        var signed = Openssl.run(work, "cms", "-sign", "-binary", "-md", "sha256", "-in", "doc.txt",
                "-signer", "tax.pem", "-inkey", "tax-key.pem", "-certfile", "issuing.pem",
                "-outform", "DER", "-out", "sig.der");
        assertThat(signed.succeeded()).as(signed.output()).isTrue();
        byte[] signature = Files.readAllBytes(work.resolve("sig.der"));

        VerificationReport report = bus.verify(DOCUMENT, signature);
        VerificationReport lenient = new SignatureService(TestPki.shared(), SignatureSettings.defaults()
                .withPolicy(VerificationPolicy.strict().withoutTimestampRequirement()), Clock.systemUTC())
                .verify(DOCUMENT, signature);

        assertThat(report.reasonCode()).as("OpenSSL adds no timestamp").isEqualTo("security.timestamp_missing");
        assertThat(lenient.isValid()).as(lenient.reason()).isTrue();
        assertThat(lenient.signer().creditCode()).isEqualTo(CreditCode.complete("11440300MB0000034"));
        assertThat(lenient.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(new SignatureService(TestPki.shared(), SignatureSettings.defaults()
                .withPolicy(VerificationPolicy.strict().withoutTimestampRequirement()), Clock.systemUTC())
                .verify("other".getBytes(StandardCharsets.UTF_8), signature).reasonCode())
                .isEqualTo("security.digest_mismatch");
    }

    @Test
    @DisplayName("the bus's ECDSA certificates verify with openssl verify up to the bus root")
    void ecdsaCertificatesVerifyInOpenssl() {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.ECDSA_P256_SHA256);
        exportCa(ca);
        PkiFiles.writePem(work.resolve("tax.pem"), TestPki.identity("tax", SignatureAlgorithm.ECDSA_P256_SHA256).certificate());

        var result = Openssl.run(work, "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "tax.pem");
        var crlChecked = Openssl.run(work, "verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "root.pem",
                "-untrusted", "issuing.pem", "tax.pem");

        assertThat(result.output()).as(result.output()).contains("tax.pem: OK");
        assertThat(crlChecked.output()).as("with the bus CRL").contains("tax.pem: OK");
    }

    @Test
    @DisplayName("every link of the bus's SM2 chain verifies with openssl verify given the GM/T 0009 default ID")
    void sm2CertificatesVerifyInOpenssl() {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.SM2_SM3);
        exportCa(ca);
        PkiFiles.writePem(work.resolve("tax.pem"), TestPki.identity("tax", SignatureAlgorithm.SM2_SM3).certificate());

        // OpenSSL 3.0 applies -vfyopt to the certificate under test only, so each link is checked on its own
        var issuing = Openssl.run(work, "verify", "-vfyopt", SM2_DEFAULT_ID, "-CAfile", "root.pem", "issuing.pem");
        var leaf = Openssl.run(work, "verify", "-vfyopt", SM2_DEFAULT_ID, "-partial_chain", "-CAfile", "issuing.pem",
                "tax.pem");
        var withoutId = Openssl.run(work, "verify", "-partial_chain", "-CAfile", "issuing.pem", "tax.pem");

        assertThat(issuing.output()).as(issuing.output()).contains("issuing.pem: OK");
        assertThat(leaf.output()).as(leaf.output()).contains("tax.pem: OK");
        assertThat(withoutId.succeeded()).as("OpenSSL's empty default ID is not GM/T 0009's").isFalse();
    }

    @Test
    @DisplayName("a raw SM2 signature by the bus verifies with openssl dgst -sm3, and the other way round")
    void rawSm2InteroperatesWithOpensslDgst() throws Exception {
        CertifiedKey tax = TestPki.identity("tax", SignatureAlgorithm.SM2_SM3);
        Files.write(work.resolve("doc.txt"), DOCUMENT);
        Files.writeString(work.resolve("pub.pem"), PkiFiles.toPem(tax.certificate().getPublicKey()));
        Files.writeString(work.resolve("key.pem"), PkiFiles.toPem(new JcaPKCS8Generator(tax.privateKey(), null)));
        Files.write(work.resolve("bus.sig"), RawSignatures.sign(SignatureAlgorithm.SM2_SM3, tax.privateKey(), DOCUMENT));

        var verifiedByOpenssl = Openssl.run(work, "dgst", "-sm3", "-verify", "pub.pem", "-sigopt", SM2_DEFAULT_ID,
                "-signature", "bus.sig", "doc.txt");
        var signedByOpenssl = Openssl.run(work, "dgst", "-sm3", "-sign", "key.pem", "-sigopt", SM2_DEFAULT_ID,
                "-out", "openssl.sig", "doc.txt");

        assertThat(verifiedByOpenssl.output()).as(verifiedByOpenssl.output()).contains("Verified OK");
        assertThat(signedByOpenssl.succeeded()).as(signedByOpenssl.output()).isTrue();
        byte[] opensslSignature = Files.readAllBytes(work.resolve("openssl.sig"));
        assertThat(RawSignatures.verify(SignatureAlgorithm.SM2_SM3, tax.certificate().getPublicKey(), DOCUMENT,
                opensslSignature)).isTrue();
        assertThat(RawSignatures.verify(SignatureAlgorithm.SM2_SM3, tax.certificate().getPublicKey(),
                "tampered".getBytes(StandardCharsets.UTF_8), opensslSignature)).isFalse();
    }

    @ParameterizedTest(name = "{0}: the bus CRL parses in openssl crl and is signed by the issuing CA")
    @EnumSource(SignatureAlgorithm.class)
    void crlVerifiesInOpenssl(SignatureAlgorithm algorithm) {
        CertificateAuthority ca = TestPki.authority(algorithm);
        exportCa(ca);

        var result = algorithm == SignatureAlgorithm.SM2_SM3
                ? Openssl.run(work, "crl", "-in", "crl.pem", "-noout", "-text")
                : Openssl.run(work, "crl", "-in", "crl.pem", "-CAfile", "issuing.pem", "-noout");

        assertThat(result.succeeded()).as(result.output()).isTrue();
        if (algorithm == SignatureAlgorithm.ECDSA_P256_SHA256) {
            assertThat(result.output()).contains("verify OK");
        }
    }

    private void exportCa(CertificateAuthority ca) {
        PkiFiles.writePem(work.resolve("root.pem"), ca.rootCertificate());
        PkiFiles.writePem(work.resolve("issuing.pem"), ca.issuingCertificate());
        PkiFiles.writePem(work.resolve("crl.pem"), ca.currentCrl());
    }

    private void exportKey(CertifiedKey key, String name) throws Exception {
        PkiFiles.writePem(work.resolve(name + ".pem"), key.certificate());
        PkiFiles.writePem(work.resolve("issuing.pem"), key.chain().get(1));
        Files.writeString(work.resolve(name + "-key.pem"), PkiFiles.toPem(new JcaPKCS8Generator(key.privateKey(), null)));
    }
}

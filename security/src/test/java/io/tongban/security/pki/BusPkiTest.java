package io.tongban.security.pki;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.TestPki;
import io.tongban.security.cms.VerificationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusPkiTest {
    private static final byte[] DOCUMENT = "公司章程".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("the demo PKI lays out keystores, PEM certificates and CRLs per family, and a restart generates nothing")
    void demoPkiLayoutAndRestart() throws Exception {
        Path dataDir = TestPki.dataDir();
        Path sm2 = dataDir.resolve("pki/sm2");
        for (String file : List.of("root.pem", "root.p12", "issuing.pem", "issuing.p12", "issuing.crl",
                "issuing-crl.pem", "public-security.p12", "market-supervision.p12", "tax.p12",
                "social-security.p12", "platform.p12", "tsa.p12", "tax.pem")) {
            assertThat(sm2.resolve(file)).isRegularFile();
            assertThat(dataDir.resolve("pki/ecdsa").resolve(file)).isRegularFile();
        }
        byte[] rootBefore = Files.readAllBytes(sm2.resolve("root.pem"));
        long filesBefore = count(dataDir);

        BusPki reloaded = DemoPki.loadOrCreate(dataDir, TestPki.PASSWORD, Clock.systemUTC());

        assertThat(Files.readAllBytes(sm2.resolve("root.pem"))).isEqualTo(rootBefore);
        assertThat(count(dataDir)).isEqualTo(filesBefore);
        assertThat(reloaded.identity("tax", SignatureAlgorithm.SM2_SM3).certificate())
                .isEqualTo(TestPki.identity("tax", SignatureAlgorithm.SM2_SM3).certificate());
    }

    @Test
    @DisplayName("department certificates carry O, OU and the credit code as organizationIdentifier; the TSA's EKU is critical")
    void certificateProfiles() throws Exception {
        X509Certificate tax = TestPki.identity("tax", SignatureAlgorithm.SM2_SM3).certificate();
        X509Certificate tsa = TestPki.identity(Department.TSA, SignatureAlgorithm.SM2_SM3).certificate();

        String subject = org.bouncycastle.asn1.x500.X500Name.getInstance(
                org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE, tax.getSubjectX500Principal().getEncoded()).toString();
        assertThat(subject).contains("O=国家税务总局深圳市税务局").contains("OU=纳税服务")
                .contains("organizationIdentifier=" + CreditCode.complete("11440300MB0000034")).contains("CN=tax");
        assertThat(tax.getSigAlgName()).isEqualToIgnoringCase("SM3WITHSM2");
        assertThat(tax.getBasicConstraints()).isEqualTo(-1);
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    }

    @Test
    @DisplayName("production: configured keystores, anchors and CRLs sign and verify, and nothing is generated")
    void productionConfigurationGeneratesNothing(@TempDir Path empty) throws Exception {
        Path sm2 = TestPki.dataDir().resolve("pki/sm2");
        PkiConfiguration configuration = new PkiConfiguration(
                Map.of("tax", sm2.resolve("tax.p12"), "tsa", sm2.resolve("tsa.p12")), TestPki.PASSWORD,
                List.of(sm2.resolve("root.pem")), List.of(sm2.resolve("issuing.pem")), List.of(sm2.resolve("issuing.crl")));

        BusPki production = BusPki.fromConfiguration(configuration, Clock.systemUTC());
        SignatureService service = new SignatureService(production, SignatureSettings.defaults(), Clock.systemUTC());
        VerificationReport report = service.verify(DOCUMENT, service.sign("tax", DOCUMENT));

        assertThat(report.isValid()).as(report.reason()).isTrue();
        assertThat(production.authority(SignatureAlgorithm.SM2_SM3)).isEmpty();
        assertThat(count(empty)).isZero();
        assertThatThrownBy(() -> service.sign("market-supervision", DOCUMENT))
                .hasMessageStartingWith("security.unknown_signer");
    }

    @Test
    @DisplayName("production: a missing keystore fails the start with security.keystore_unavailable")
    void missingKeystoreFailsStart(@TempDir Path empty) {
        PkiConfiguration configuration = new PkiConfiguration(Map.of("tax", empty.resolve("tax.p12")),
                TestPki.PASSWORD, List.of(TestPki.dataDir().resolve("pki/sm2/root.pem")), List.of(), List.of());

        assertThatThrownBy(() -> BusPki.fromConfiguration(configuration, Clock.systemUTC()))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageStartingWith("security.keystore_unavailable");
        assertThat(empty.resolve("tax.p12")).doesNotExist();
    }

    @Test
    @DisplayName("a wrong keystore password fails with security.keystore_unavailable")
    void wrongPasswordFails() {
        assertThatThrownBy(() -> PkiFiles.readPkcs12(TestPki.dataDir().resolve("pki/sm2/tax.p12"),
                "wrong".toCharArray()))
                .hasMessageStartingWith("security.keystore_unavailable");
    }

    private static long count(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}

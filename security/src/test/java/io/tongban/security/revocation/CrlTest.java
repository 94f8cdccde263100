package io.tongban.security.revocation;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.TestPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.PkiFiles;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrlTest {

    @Test
    @DisplayName("revoking publishes a CRL with a higher number that keeps earlier entries and is stored in the data dir")
    void revocationPublishesPersistedCrl() {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.ECDSA_P256_SHA256);
        CertifiedKey first = ca.issue(TestPki.freshDepartment());
        CertifiedKey second = ca.issue(TestPki.freshDepartment());
        X509CRL before = ca.currentCrl();

        ca.revoke(first.certificate().getSerialNumber(), RevocationReason.SUPERSEDED, Instant.parse("2026-01-01T00:00:00Z"));
        X509CRL after = ca.revoke(second.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE,
                Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(crlNumber(after)).isEqualTo(crlNumber(before).add(BigInteger.TWO));
        assertThat(after.getRevokedCertificate(first.certificate().getSerialNumber())).isNotNull();
        assertThat(after.getRevokedCertificate(second.certificate().getSerialNumber()).getRevocationDate().toInstant())
                .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        X509CRL stored = PkiFiles.readCrl(ca.directory().resolve("issuing.crl"));
        assertThat(stored).isEqualTo(after);
        assertThat(CertificateAuthority.open(ca.directory(), TestPki.PASSWORD, java.time.Clock.systemUTC()).currentCrl())
                .isEqualTo(after);
    }

    @Test
    @DisplayName("revoking a serial the CA never issued fails with security.unknown_certificate")
    void unknownSerialFails() {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.SM2_SM3);

        assertThatThrownBy(() -> ca.revoke(BigInteger.valueOf(12345), RevocationReason.UNSPECIFIED, Instant.now()))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageStartingWith("security.unknown_certificate");
    }

    @Test
    @DisplayName("a CRL signed by another CA than the one it names is refused by the checker")
    void forgedCrlIsRefused() {
        CertificateAuthority sm2 = TestPki.authority(SignatureAlgorithm.SM2_SM3);
        CertificateAuthority ecdsa = TestPki.authority(SignatureAlgorithm.ECDSA_P256_SHA256);
        RevocationChecker checker = new RevocationChecker(Clock.systemUTC());

        assertThatThrownBy(() -> checker.publish(sm2.currentCrl(), ecdsa.issuingCertificate()))
                .hasMessageStartingWith("security.signature_invalid");
        assertThat(checker.currentCrl(sm2.issuingCertificate().getSubjectX500Principal())).isNull();
    }

    @Test
    @DisplayName("an older CRL never replaces a newer one")
    void olderCrlDoesNotReplaceNewer() {
        CertificateAuthority ca = TestPki.authority(SignatureAlgorithm.SM2_SM3);
        X509CRL older = ca.currentCrl();
        X509CRL newer = CrlIssuer.refresh(SignatureAlgorithm.SM2_SM3,
                new CertifiedKey(PkiFiles.readPkcs12(ca.directory().resolve("issuing.p12"), TestPki.PASSWORD).privateKey(),
                        java.util.List.of(ca.issuingCertificate())), older, Instant.now().plusSeconds(5));
        RevocationChecker checker = new RevocationChecker(Clock.systemUTC());

        checker.publish(newer, ca.issuingCertificate());
        checker.publish(older, ca.issuingCertificate());

        assertThat(checker.currentCrl(ca.issuingCertificate().getSubjectX500Principal())).isEqualTo(newer);
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
    }

    @Test
    @DisplayName("a CRL past its nextUpdate no longer answers: the status is UNKNOWN, and the CA re-signs it when due")
    void lapsedCrlGivesUnknownUntilRefreshed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.time.Instant start = Instant.parse("2026-03-01T00:00:00Z");
        CertificateAuthority ca = CertificateAuthority.create(SignatureAlgorithm.ECDSA_P256_SHA256, dir,
                TestPki.PASSWORD, Clock.fixed(start, java.time.ZoneOffset.UTC));
        CertifiedKey holder = ca.issue(TestPki.freshDepartment());
        Instant eightDaysLater = start.plus(java.time.Duration.ofDays(8));
        Clock later = Clock.fixed(eightDaysLater, java.time.ZoneOffset.UTC);
        RevocationChecker checker = new RevocationChecker(later);
        checker.publish(ca.currentCrl(), ca.issuingCertificate());

        RevocationStatus lapsed = checker.statusAt(holder.certificate(), eightDaysLater);
        CertificateAuthority reopened = CertificateAuthority.open(dir, TestPki.PASSWORD, later);
        boolean refreshed = reopened.refreshCrlIfDue();
        checker.publish(reopened.currentCrl(), reopened.issuingCertificate());

        assertThat(lapsed.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
        assertThat(refreshed).isTrue();
        assertThat(reopened.refreshCrlIfDue()).as("not due again right after").isFalse();
        assertThat(checker.statusAt(holder.certificate(), eightDaysLater).state()).isEqualTo(RevocationStatus.State.GOOD);
    }
}

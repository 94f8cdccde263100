package io.tongban.security.revocation;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the current CRL of each issuing CA and answers whether a certificate was revoked at a given
 * time. A CRL is accepted only with a valid signature of its issuer and only if it is newer than
 * the one held; once past its nextUpdate it no longer answers (status UNKNOWN).
 */
public final class RevocationChecker {
    private final Map<X500Principal, X509CRL> crlsByIssuer = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevocationChecker(Clock clock) {
        this.clock = clock;
    }

    /** Accepts a CRL after checking that {@code issuer} signed it; older CRLs are ignored. */
    public void publish(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new SecurityServiceException(ErrorCode.SIGNATURE_INVALID,
                    "CRL is not signed by " + issuer.getSubjectX500Principal(), e);
        }
        crlsByIssuer.merge(crl.getIssuerX500Principal(), crl,
                (held, offered) -> offered.getThisUpdate().before(held.getThisUpdate()) ? held : offered);
    }

    public X509CRL currentCrl(X500Principal issuer) {
        return crlsByIssuer.get(issuer);
    }

    /** The status of {@code certificate} at {@code time}: revoked only if revoked at or before it. */
    public RevocationStatus statusAt(X509Certificate certificate, Instant time) {
        X509CRL crl = crlsByIssuer.get(certificate.getIssuerX500Principal());
        if (crl == null || (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant()))) {
            return RevocationStatus.unknown();
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return RevocationStatus.good();
        }
        Instant revokedAt = entry.getRevocationDate().toInstant();
        String reason = entry.getRevocationReason() == null ? "unspecified"
                : RevocationReason.nameOf(entry.getRevocationReason().ordinal());
        var state = revokedAt.isAfter(time) ? RevocationStatus.State.REVOKED_LATER : RevocationStatus.State.REVOKED;
        return new RevocationStatus(state, revokedAt, reason);
    }
}

package io.tongban.security.transparency;

import io.tongban.security.ErrorCode;
import io.tongban.security.cms.CmsVerifier;
import io.tongban.security.cms.VerificationPolicy;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.Department;
import io.tongban.security.pki.TrustStore;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.tsp.TimestampTokenVerifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Checks a signed checkpoint: the CMS signature over its signed text, with the chain to the trust
 * anchors, validity and revocation checked as {@link CmsVerifier} does (no embedded timestamp
 * required); that the signer is the log's own identity; and the separate timestamp token when there
 * is one (imprint over the signature bytes, TSA trusted and unrevoked).
 *
 * <p>The signer must be the log's identity, a certificate whose chain is trusted and whose common name
 * is the log's name ({@link Department#EXCHANGE_LOG} in the demo PKI), not any certificate with a
 * trusted chain: every department holds one of those, and a department must not be able to sign a
 * rewritten history of its own exchanges. The bus CA vouches for the name, so the check survives the
 * log's certificate being renewed.
 *
 * <p>A checkpoint with a valid token is judged at the token's time, like a timestamped signature: a
 * log certificate revoked or expired after that time still vouches for it. One without a token is
 * judged now. Thread-safe.
 */
public final class CheckpointVerifier {
    private static final VerificationPolicy POLICY = VerificationPolicy.strict().withoutTimestampRequirement();

    private final TrustStore trustStore;
    private final RevocationChecker revocationChecker;
    private final String logSignerName;
    private final CmsVerifier verifierNow;
    private final TimestampTokenVerifier timestamps;

    /**
     * @param logSignerName the common name (CN) of the log's signing certificate
     */
    public CheckpointVerifier(TrustStore trustStore, RevocationChecker revocationChecker, String logSignerName,
                              Clock clock) {
        this.trustStore = trustStore;
        this.revocationChecker = revocationChecker;
        this.logSignerName = logSignerName;
        this.verifierNow = new CmsVerifier(trustStore, revocationChecker, POLICY, clock);
        this.timestamps = new TimestampTokenVerifier(trustStore, revocationChecker);
    }

    /** The verifier a bus node uses: its trust anchors and CRLs, the log identity {@link Department#EXCHANGE_LOG}. */
    public static CheckpointVerifier of(BusPki pki, Clock clock) {
        return new CheckpointVerifier(pki.trustStore(), pki.revocationChecker(), Department.EXCHANGE_LOG, clock);
    }

    public String logSignerName() {
        return logSignerName;
    }

    public CheckpointVerification verify(SignedCheckpoint signed) {
        byte[] text = signed.checkpoint().signedText().getBytes(StandardCharsets.UTF_8);
        TimestampTokenVerifier.Outcome stamp = signed.timestamped() ? verifyToken(signed) : null;
        CmsVerifier verifier = stamp != null && stamp.valid() ? verifierAt(stamp.time()) : verifierNow;
        VerificationReport report = verifier.verify(text, signed.signature());
        Instant stampTime = stamp == null ? null : stamp.time();
        String stampAuthority = stamp == null ? null : stamp.authority();
        if (!report.isValid()) {
            return new CheckpointVerification(CheckpointVerification.Failure.SIGNATURE, report.reasonCode(),
                    report.reason(), report, stampTime, stampAuthority);
        }
        if (!logSignerName.equals(commonName(report.signer().subject()))) {
            return new CheckpointVerification(CheckpointVerification.Failure.SIGNATURE, ErrorCode.UNTRUSTED_SIGNER.code(),
                    "signed by " + report.signer().subject() + ", not by the log's identity CN=" + logSignerName,
                    report, stampTime, stampAuthority);
        }
        if (stamp != null && !stamp.valid()) {
            return new CheckpointVerification(CheckpointVerification.Failure.TIMESTAMP, ErrorCode.TIMESTAMP_INVALID.code(),
                    stamp.failure(), report, null, stampAuthority);
        }
        return new CheckpointVerification(null, null, null, report, stampTime, stampAuthority);
    }

    private TimestampTokenVerifier.Outcome verifyToken(SignedCheckpoint signed) {
        try {
            return timestamps.verify(ASN1Primitive.fromByteArray(signed.timestampToken()), signed.signature());
        } catch (IOException | RuntimeException e) { // not DER at all
            return new TimestampTokenVerifier.Outcome(null, null, "unreadable timestamp token: " + e.getMessage());
        }
    }

    /** A verifier that judges certificates at {@code time}: the time a token proves the signature existed. */
    private CmsVerifier verifierAt(Instant time) {
        return new CmsVerifier(trustStore, revocationChecker, POLICY, Clock.fixed(time, ZoneOffset.UTC));
    }

    /** The one CN of a subject as CertificateNames writes it, or null. */
    private static String commonName(String subject) {
        try {
            RDN[] names = new X500Name(BCStyle.INSTANCE, subject).getRDNs(BCStyle.CN);
            return names.length == 1 ? IETFUtils.valueToString(names[0].getFirst().getValue()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

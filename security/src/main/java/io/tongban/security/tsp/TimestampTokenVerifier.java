package io.tongban.security.tsp;

import io.tongban.security.BouncyCastle;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.CertificateNames;
import io.tongban.security.pki.TrustStore;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.revocation.RevocationStatus;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an RFC 3161 token over some data (a signature value): the imprint, the TSA's signature,
 * its certificate's validity at genTime and critical EKU timeStamping, its chain to a trust anchor
 * and its revocation status. Thread-safe; TSA certificates and their verifiers are cached.
 */
public final class TimestampTokenVerifier {
    private static final int MAX_CACHED_CERTIFICATES = 1_000;

    private final TrustStore trustStore;
    private final RevocationChecker revocationChecker;
    private final Map<ByteBuffer, TsaCertificate> certificates = new ConcurrentHashMap<>();

    public TimestampTokenVerifier(TrustStore trustStore, RevocationChecker revocationChecker) {
        this.trustStore = trustStore;
        this.revocationChecker = revocationChecker;
    }

    /** The time and authority of a valid token, or why it is not valid (authority set when known). */
    public record Outcome(Instant time, String authority, String failure) {
        public boolean valid() {
            return failure == null;
        }

        static Outcome failed(String authority, String failure) {
            return new Outcome(null, authority, failure);
        }
    }

    /** @param token the value of an id-aa-signatureTimeStampToken attribute (a ContentInfo) */
    public Outcome verify(ASN1Encodable token, byte[] timestampedData) {
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(ContentInfo.getInstance(token));
        } catch (Exception e) {
            return Outcome.failed(null, "unreadable timestamp token: " + e.getMessage());
        }
        String authority = null;
        try {
            TimeStampTokenInfo info = parsed.getTimeStampInfo();
            String imprintOid = info.getMessageImprintAlgOID().getId();
            String digestName = imprintOid.equals(SignatureAlgorithm.SM2_SM3.digestOid().getId()) ? "SM3"
                    : imprintOid.equals(SignatureAlgorithm.ECDSA_P256_SHA256.digestOid().getId()) ? "SHA-256" : null;
            if (digestName == null) {
                return Outcome.failed(null, "timestamp imprint algorithm " + imprintOid + " not accepted");
            }
            byte[] expected = MessageDigest.getInstance(digestName, BouncyCastle.PROVIDER).digest(timestampedData);
            if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
                return Outcome.failed(null, "the timestamp is over other data than this signature");
            }
            Collection<X509CertificateHolder> tsaHolders = parsed.getCertificates().getMatches(parsed.getSID());
            if (tsaHolders.isEmpty()) {
                return Outcome.failed(null, "the timestamp token carries no TSA certificate");
            }
            List<X509Certificate> carried = new ArrayList<>();
            for (X509CertificateHolder holder : parsed.getCertificates().getMatches(null)) {
                carried.add(tsaCertificate(holder).certificate());
            }
            TsaCertificate tsa = tsaCertificate(tsaHolders.iterator().next());
            authority = CertificateNames.subject(tsa.certificate());
            parsed.validate(tsa.verifier()); // signature, TSA validity at genTime, EKU timeStamping
            if (trustStore.chainOf(tsa.certificate(), carried).isEmpty()) {
                return Outcome.failed(authority, "the TSA " + authority + " is not trusted");
            }
            Instant genTime = info.getGenTime().toInstant();
            if (revocationChecker.statusAt(tsa.certificate(), genTime).state() == RevocationStatus.State.REVOKED) {
                return Outcome.failed(authority, "the TSA certificate was revoked before the timestamp");
            }
            return new Outcome(genTime, authority, null);
        } catch (Exception e) {
            return Outcome.failed(authority, "the timestamp token does not verify: " + e.getMessage());
        }
    }

    private TsaCertificate tsaCertificate(X509CertificateHolder holder) throws Exception {
        ByteBuffer key = ByteBuffer.wrap(holder.getEncoded());
        TsaCertificate cached = certificates.get(key);
        if (cached != null) {
            return cached;
        }
        if (certificates.size() >= MAX_CACHED_CERTIFICATES) {
            certificates.clear();
        }
        X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                .getCertificate(holder);
        TsaCertificate parsed = new TsaCertificate(certificate,
                new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(certificate));
        certificates.put(key, parsed);
        return parsed;
    }

    /** A certificate with a verifier bound to it, which lets BC check its validity at genTime. */
    private record TsaCertificate(X509Certificate certificate, SignerInformationVerifier verifier) {
    }
}

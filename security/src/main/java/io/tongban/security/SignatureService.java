package io.tongban.security;

import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.CmsSigner;
import io.tongban.security.cms.CmsVerifier;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.Department;
import io.tongban.security.revocation.RevocationReason;
import io.tongban.security.tsp.HttpTimestampAuthorityClient;
import io.tongban.security.tsp.LocalTimestampAuthority;
import io.tongban.security.tsp.TimestampAuthority;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facade the bus holds (e.g. as a Spring bean): sign documents and JSON records as a named
 * identity, verify detached signatures into a report, publish trust anchors and CRLs, revoke.
 * Thread-safe.
 */
public final class SignatureService {
    private static final System.Logger LOG = System.getLogger(SignatureService.class.getName());

    private final BusPki pki;
    private final SignatureSettings settings;
    private final CmsVerifier verifier;
    private final Map<SignatureAlgorithm, TimestampAuthority> timestampAuthorities = new EnumMap<>(SignatureAlgorithm.class);
    private final Map<String, CmsSigner> signers = new ConcurrentHashMap<>();

    public SignatureService(BusPki pki, SignatureSettings settings, Clock clock) {
        this.pki = pki;
        this.settings = settings;
        this.verifier = new CmsVerifier(pki.trustStore(), pki.revocationChecker(), settings.policy(), clock);
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (settings.externalTsaUrl() != null) {
                timestampAuthorities.put(algorithm,
                        new HttpTimestampAuthorityClient(settings.externalTsaUrl(), settings.tsaTimeout()));
            } else if (pki.hasIdentity(Department.TSA, algorithm)) {
                timestampAuthorities.put(algorithm,
                        new LocalTimestampAuthority(algorithm, pki.identity(Department.TSA, algorithm), clock));
            } else {
                LOG.log(Level.WARNING, "No {0} timestamp authority: {0} signatures will carry no timestamp",
                        algorithm.id());
            }
        }
    }

    /** Detached CMS signature over the exact bytes of a document, with the default algorithm. */
    public byte[] sign(String signerName, byte[] document) {
        return sign(signerName, settings.defaultAlgorithm(), document);
    }

    public byte[] sign(String signerName, SignatureAlgorithm algorithm, byte[] document) {
        return signer(signerName, algorithm).sign(document);
    }

    /**
     * Detached CMS signature without the RFC 3161 timestamp attribute, for signatures that are many and
     * timestamped apart, or not at all (the exchange log signs a checkpoint every second and timestamps
     * one a minute with {@link #timestamp}).
     */
    public byte[] signWithoutTimestamp(String signerName, SignatureAlgorithm algorithm, byte[] document) {
        return signers.computeIfAbsent(algorithm.id() + "/" + signerName + "/untimestamped", key ->
                new CmsSigner(algorithm, pki.identity(signerName, algorithm), null, profile(algorithm))).sign(document);
    }

    /**
     * An RFC 3161 timestamp token (DER) over {@code data}: the imprint is the family's digest of the data
     * (SM3 or SHA-256). From the external TSA when one is configured, else from the bus TSA.
     */
    public byte[] timestamp(SignatureAlgorithm algorithm, byte[] data) {
        TimestampAuthority authority = timestampAuthorities.get(algorithm);
        if (authority == null) {
            throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE,
                    "no " + algorithm.id() + " timestamp authority is configured");
        }
        try {
            byte[] imprint = MessageDigest.getInstance(algorithm.jcaDigestName(), BouncyCastle.PROVIDER).digest(data);
            return authority.timestamp(algorithm.digestOid(), imprint).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.jcaDigestName() + " is missing from Bouncy Castle", e);
        } catch (IOException e) {
            throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE, "cannot encode the timestamp token", e);
        }
    }

    /** Signature over the RFC 8785 canonical form of a JSON record, so it survives re-serialisation. */
    public byte[] signJson(String signerName, SignatureAlgorithm algorithm, String json) {
        return sign(signerName, algorithm, JsonCanonicalizer.canonicalize(json));
    }

    public VerificationReport verify(byte[] document, byte[] signature) {
        return verifier.verify(document, signature);
    }

    /** Verifies a signature made by {@link #signJson} over any serialisation of the same record. */
    public VerificationReport verifyJson(String json, byte[] signature) {
        return verifier.verify(JsonCanonicalizer.canonicalize(json), signature);
    }

    /** The certificates relying parties must trust: the bus root CAs of both families. */
    public List<X509Certificate> trustAnchors() {
        return pki.trustStore().anchors();
    }

    /** Issuing CA certificates, which a relying party needs to check CRL signatures. */
    public List<X509Certificate> issuingCertificates() {
        return pki.trustStore().intermediates();
    }

    /** The current CRLs of the issuing CAs this node knows. */
    public List<X509CRL> currentCrls() {
        return pki.trustStore().intermediates().stream()
                .map(ca -> pki.revocationChecker().currentCrl(ca.getSubjectX500Principal()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The current CRL of the family's issuing CA, if this node has it. */
    public Optional<X509CRL> currentCrl(SignatureAlgorithm algorithm) {
        return pki.trustStore().intermediates().stream()
                .filter(ca -> SignatureAlgorithm.ofKeyOrNull(ca) == algorithm)
                .map(ca -> pki.revocationChecker().currentCrl(ca.getSubjectX500Principal()))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Re-signs the CRLs of the CAs this node operates (demo mode) when half their validity has
     * passed, and publishes them to the verifier; schedule daily.
     */
    public void refreshCrls() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            pki.authority(algorithm).filter(CertificateAuthority::refreshCrlIfDue).ifPresent(ca ->
                    pki.revocationChecker().publish(ca.currentCrl(), ca.issuingCertificate()));
        }
    }

    /** The signing certificate of a named identity. */
    public X509Certificate certificate(String signerName, SignatureAlgorithm algorithm) {
        return pki.identity(signerName, algorithm).certificate();
    }

    /**
     * Revokes a certificate of the given family from {@code revocationTime} and publishes the new
     * CRL to this node's verifier. Only where this node operates the CA (demo mode).
     */
    public X509CRL revoke(SignatureAlgorithm algorithm, BigInteger serialNumber, RevocationReason reason,
                          Instant revocationTime) {
        CertificateAuthority ca = pki.authority(algorithm).orElseThrow(() -> new SecurityServiceException(
                ErrorCode.UNKNOWN_CERTIFICATE, "this node does not operate the " + algorithm.id() + " CA"));
        X509CRL crl = ca.revoke(serialNumber, reason, revocationTime);
        pki.revocationChecker().publish(crl, ca.issuingCertificate());
        LOG.log(Level.INFO, "Revoked {0} certificate {1} from {2} ({3})", algorithm.id(), serialNumber.toString(16),
                revocationTime, reason.rfcName());
        return crl;
    }

    public SignatureSettings settings() {
        return settings;
    }

    private CmsSigner signer(String name, SignatureAlgorithm algorithm) {
        return signers.computeIfAbsent(algorithm.id() + "/" + name, key -> new CmsSigner(algorithm,
                pki.identity(name, algorithm), timestampAuthorities.get(algorithm), profile(algorithm)));
    }

    private CmsProfile profile(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.SM2_SM3 ? settings.sm2Profile() : CmsProfile.PKCS7;
    }
}

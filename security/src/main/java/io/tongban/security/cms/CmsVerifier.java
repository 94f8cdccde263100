package io.tongban.security.cms;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.RawSignatures;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.CertificateNames;
import io.tongban.security.pki.TrustStore;
import io.tongban.security.tsp.TimestampTokenVerifier;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.revocation.RevocationStatus;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies detached CMS SignedData (PKCS#7 or GM/T 0010 content types) over a document and says
 * why in a {@link VerificationReport}. Certificates are judged at the time of the RFC 3161
 * timestamp when there is one, else at the current time. Thread-safe; parsed certificates and their
 * verifiers are cached, since parsing and key setup cost more than the signature check itself.
 */
public final class CmsVerifier {
    private static final int MAX_CACHED_CERTIFICATES = 10_000;

    private final TrustStore trustStore;
    private final RevocationChecker revocationChecker;
    private final VerificationPolicy policy;
    private final Clock clock;
    private final TimestampTokenVerifier timestamps;
    private final Map<ByteBuffer, X509Certificate> certificates = new ConcurrentHashMap<>();

    public CmsVerifier(TrustStore trustStore, RevocationChecker revocationChecker, VerificationPolicy policy,
                       Clock clock) {
        this.trustStore = trustStore;
        this.revocationChecker = revocationChecker;
        this.policy = policy;
        this.clock = clock;
        this.timestamps = new TimestampTokenVerifier(trustStore, revocationChecker);
    }

    public VerificationPolicy policy() {
        return policy;
    }

    /** A verifier with the same trust and revocation data but another policy. */
    public CmsVerifier withPolicy(VerificationPolicy otherPolicy) {
        return new CmsVerifier(trustStore, revocationChecker, otherPolicy, clock);
    }

    public VerificationReport verify(byte[] document, byte[] signature) {
        Findings findings = new Findings();
        try {
            return verifyInto(document, signature, findings);
        } catch (RuntimeException e) {
            // Bouncy Castle parses lazily: a corrupt field (a date, a name) can surface at any step
            return findings.fail(ErrorCode.MALFORMED_SIGNATURE, "malformed signature content: " + e.getMessage())
                    .report();
        }
    }

    private VerificationReport verifyInto(byte[] document, byte[] signature, Findings findings) {
        CMSSignedData signed;
        SignerInformation signerInfo;
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(signature));
            Optional<CmsProfile> profile = CmsProfile.bySignedDataType(info.getContentType());
            if (profile.isEmpty()) {
                return findings.fail(ErrorCode.MALFORMED_SIGNATURE,
                        "content type " + info.getContentType() + " is not SignedData").report();
            }
            findings.profile = profile.get();
            signed = new CMSSignedData(new CMSProcessableByteArray(document),
                    new ContentInfo(CMSObjectIdentifiers.signedData, info.getContent()));
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return findings.fail(ErrorCode.MALFORMED_SIGNATURE,
                        "expected exactly one signer, found " + signers.size()).report();
            }
            signerInfo = signers.iterator().next();
            if (signerInfo.getSignedAttributes() == null) {
                return findings.fail(ErrorCode.MALFORMED_SIGNATURE, "signed attributes are missing").report();
            }
        } catch (Exception e) { // the parsers throw IOException, CMSException and runtime exceptions alike
            return findings.fail(ErrorCode.MALFORMED_SIGNATURE, "not a DER-encoded CMS SignedData: " + e.getMessage())
                    .report();
        }

        Optional<SignatureAlgorithm> algorithm = SignatureAlgorithm.fromCms(signerInfo.getDigestAlgOID(),
                signerInfo.getEncryptionAlgOID());
        if (algorithm.isEmpty()) {
            findings.digestAlgorithm = signerInfo.getDigestAlgOID();
            findings.signatureAlgorithm = signerInfo.getEncryptionAlgOID();
            return findings.fail(ErrorCode.UNSUPPORTED_ALGORITHM, "digest " + signerInfo.getDigestAlgOID()
                    + " with signature " + signerInfo.getEncryptionAlgOID() + " is not SM2/SM3 nor ECDSA P-256/SHA-256")
                    .report();
        }
        findings.digestAlgorithm = algorithm.get().jcaDigestName();
        findings.signatureAlgorithm = algorithm.get().jcaSignatureName();
        findings.signingTime = signingTime(signerInfo);

        List<X509Certificate> offered = new ArrayList<>();
        X509Certificate signerCertificate = null;
        try {
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                X509Certificate parsed = parse(holder);
                offered.add(parsed);
                if (signerInfo.getSID().match(holder)) {
                    signerCertificate = parsed;
                }
            }
        } catch (Exception e) {
            return findings.fail(ErrorCode.MALFORMED_SIGNATURE, "a carried certificate is unreadable: "
                    + e.getMessage()).report();
        }
        if (signerCertificate == null) {
            return findings.fail(ErrorCode.UNTRUSTED_SIGNER, "the signer's certificate is not in the signature")
                    .report();
        }
        findings.signer = identity(signerCertificate);
        if (SignatureAlgorithm.ofKeyOrNull(signerCertificate) != algorithm.get()) {
            findings.fail(ErrorCode.UNSUPPORTED_ALGORITHM, "the signer's key does not belong to " + algorithm.get());
        }

        checkSignature(signed, signerInfo, signerCertificate, algorithm.get(), document, findings);
        checkSigningCertificate(signerInfo, signerCertificate, findings);

        Optional<List<X509Certificate>> chain = trustStore.chainOf(signerCertificate, offered);
        findings.chainTrusted = chain.isPresent();
        findings.chain = chain.orElse(List.of(signerCertificate)).stream().map(CertificateNames::subject).toList();
        if (chain.isEmpty()) {
            findings.fail(ErrorCode.UNTRUSTED_SIGNER, "no chain from " + CertificateNames.subject(signerCertificate)
                    + " to a trust anchor");
        } else if (!usableForSigning(signerCertificate)) {
            findings.fail(ErrorCode.UNTRUSTED_SIGNER, "the signer's certificate is not for digital signatures");
        }

        checkTimestamp(signerInfo, findings);
        findings.validationTime = findings.timestampTime != null ? findings.timestampTime : clock.instant();

        findings.certificateValidAtTime = checkValidity(chain.orElse(List.of(signerCertificate)), findings);
        findings.revocation = revocationChecker.statusAt(signerCertificate, findings.validationTime);
        switch (findings.revocation.state()) {
            case REVOKED -> findings.fail(ErrorCode.CERTIFICATE_REVOKED, "the signer's certificate was revoked at "
                    + findings.revocation.revokedAt() + " (" + findings.revocation.reason() + "), before "
                    + findings.validationTime);
            case UNKNOWN -> {
                if (policy.requireRevocationInformation()) {
                    findings.fail(ErrorCode.REVOCATION_UNKNOWN, "no CRL of "
                            + signerCertificate.getIssuerX500Principal() + " is at hand");
                }
            }
            default -> { }
        }
        return findings.report();
    }

    /**
     * RFC 5652 5.6 by hand rather than through SignerInformation.verify: the content-type and
     * message-digest attributes, then the signature over the DER of the signed attributes. Checking
     * digest and signature separately lets the report say which failed, and a plain Signature on the
     * cached key costs less than half of Bouncy Castle's CMS verifier path.
     */
    private static void checkSignature(CMSSignedData signed, SignerInformation signerInfo, X509Certificate signer,
                                       SignatureAlgorithm algorithm, byte[] document, Findings findings) {
        AttributeTable attributes = signerInfo.getSignedAttributes();
        Attribute contentType = attributes.get(CMSAttributes.contentType);
        Attribute messageDigest = attributes.get(CMSAttributes.messageDigest);
        if (contentType == null || messageDigest == null || contentType.getAttrValues().size() != 1
                || messageDigest.getAttrValues().size() != 1) {
            findings.fail(ErrorCode.MALFORMED_SIGNATURE, "content-type or message-digest attribute missing or repeated");
            return;
        }
        if (!contentType.getAttrValues().getObjectAt(0).equals(new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
            findings.fail(ErrorCode.MALFORMED_SIGNATURE, "the content-type attribute differs from the signed content type");
            return;
        }
        if (!algorithmProtectionAgrees(signerInfo)) {
            findings.fail(ErrorCode.SIGNATURE_INVALID, "the CMS algorithm protection attribute names other algorithms");
            return;
        }
        byte[] signedDigest = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
        findings.digestMatches = MessageDigest.isEqual(digest(algorithm.jcaDigestName(), document), signedDigest);
        try {
            findings.signatureValid = RawSignatures.verify(algorithm, signer.getPublicKey(),
                    signerInfo.getEncodedSignedAttributes(), signerInfo.getSignature());
        } catch (java.io.IOException e) {
            findings.fail(ErrorCode.MALFORMED_SIGNATURE, "signed attributes cannot be encoded");
            return;
        }
        if (!findings.digestMatches) {
            findings.fail(ErrorCode.DIGEST_MISMATCH, "the document's " + algorithm.jcaDigestName()
                    + " digest differs from the signed message digest: tampered or another document");
        } else if (!findings.signatureValid) {
            findings.fail(ErrorCode.SIGNATURE_INVALID, algorithm == SignatureAlgorithm.SM2_SM3
                    && signedOverPreHash(signerInfo, signer)
                    ? "the SM2 signature was made over SM3 of the data (pre-hashed), not over the data as GM/T 0009 requires"
                    : "the signature does not verify with the signer's key");
        }
    }

    /** Some products sign SM3(Z || SM3(data)); say so rather than only "invalid" (failure path only). */
    private static boolean signedOverPreHash(SignerInformation signerInfo, X509Certificate signer) {
        try {
            byte[] preHash = digest("SM3", signerInfo.getEncodedSignedAttributes());
            return RawSignatures.verify(SignatureAlgorithm.SM2_SM3, signer.getPublicKey(), preHash,
                    signerInfo.getSignature());
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** RFC 6211: when present, the attribute must repeat the SignerInfo's digest and signature algorithms. */
    private static boolean algorithmProtectionAgrees(SignerInformation signerInfo) {
        Attribute attribute = signerInfo.getSignedAttributes().get(CMSAttributes.cmsAlgorithmProtect);
        if (attribute == null) {
            return true;
        }
        CMSAlgorithmProtection protection = CMSAlgorithmProtection.getInstance(attribute.getAttrValues().getObjectAt(0));
        return protection.getDigestAlgorithm().getAlgorithm().getId().equals(signerInfo.getDigestAlgOID())
                && protection.getSignatureAlgorithm() != null
                && protection.getSignatureAlgorithm().getAlgorithm().getId().equals(signerInfo.getEncryptionAlgOID());
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            // default providers: the JDK's SHA-256 is several times faster than Bouncy Castle's; SM3 is BC's
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing", e);
        }
    }

    /** RFC 5035: the signing-certificate-v2 attribute, when present, must name the signer's certificate. */
    private static void checkSigningCertificate(SignerInformation signerInfo, X509Certificate certificate,
                                                Findings findings) {
        Attribute attribute = signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            String digestName = id.getHashAlgorithm().getAlgorithm().equals(SignatureAlgorithm.SM2_SM3.digestOid())
                    ? "SM3" : id.getHashAlgorithm().getAlgorithm().getId();
            byte[] actual = MessageDigest.getInstance(digestName, BouncyCastle.PROVIDER).digest(certificate.getEncoded());
            if (!Arrays.equals(actual, id.getCertHash())) {
                findings.fail(ErrorCode.SIGNING_CERTIFICATE_MISMATCH,
                        "the signing-certificate-v2 attribute names another certificate than the one carried");
            }
        } catch (Exception e) {
            findings.fail(ErrorCode.MALFORMED_SIGNATURE, "unreadable signing-certificate-v2 attribute");
        }
    }

    private void checkTimestamp(SignerInformation signerInfo, Findings findings) {
        Attribute attribute = signerInfo.getUnsignedAttributes() == null ? null
                : signerInfo.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            if (policy.requireTimestamp()) {
                findings.fail(ErrorCode.TIMESTAMP_MISSING, "the policy requires an RFC 3161 timestamp");
            }
            return;
        }
        TimestampTokenVerifier.Outcome outcome = timestamps.verify(attribute.getAttrValues().getObjectAt(0),
                signerInfo.getSignature());
        findings.timestampAuthority = outcome.authority();
        if (outcome.valid()) {
            findings.timestampTime = outcome.time();
        } else {
            findings.fail(ErrorCode.TIMESTAMP_INVALID, outcome.failure());
        }
    }

    private static boolean checkValidity(List<X509Certificate> chain, Findings findings) {
        Date at = Date.from(findings.validationTime);
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(at);
            } catch (CertificateExpiredException e) {
                findings.fail(ErrorCode.CERTIFICATE_EXPIRED, CertificateNames.subject(certificate) + " expired at "
                        + certificate.getNotAfter().toInstant() + ", before " + findings.validationTime);
                return false;
            } catch (CertificateNotYetValidException e) {
                findings.fail(ErrorCode.CERTIFICATE_NOT_YET_VALID, CertificateNames.subject(certificate) + " is valid only from "
                        + certificate.getNotBefore().toInstant());
                return false;
            }
        }
        return true;
    }

    /** An end-entity certificate for digital signatures, and not a TSA's (RFC 3161: its key only timestamps). */
    private static boolean usableForSigning(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        try {
            List<String> extendedKeyUsage = certificate.getExtendedKeyUsage();
            return certificate.getBasicConstraints() < 0
                    && (keyUsage == null || keyUsage[0] || keyUsage[1]) // digitalSignature or nonRepudiation
                    && (extendedKeyUsage == null || !extendedKeyUsage.contains(KeyPurposeId.id_kp_timeStamping.getId()));
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signerInfo) {
        Attribute attribute = signerInfo.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private X509Certificate parse(X509CertificateHolder holder) throws Exception {
        ByteBuffer key = ByteBuffer.wrap(holder.getEncoded());
        X509Certificate cached = certificates.get(key);
        if (cached != null) {
            return cached;
        }
        if (certificates.size() >= MAX_CACHED_CERTIFICATES) {
            certificates.clear();
        }
        X509Certificate parsed = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
        certificates.put(key, parsed);
        return parsed;
    }

    private static SignerIdentity identity(X509Certificate certificate) {
        String creditCode = CertificateNames.subjectAttribute(certificate, BCStyle.ORGANIZATION_IDENTIFIER);
        if (creditCode == null) {
            creditCode = CertificateNames.subjectAttribute(certificate, BCStyle.SERIALNUMBER);
        }
        return new SignerIdentity(CertificateNames.subject(certificate), certificate.getSerialNumber().toString(16),
                creditCode, CertificateNames.subjectAttribute(certificate, BCStyle.O));
    }

    /** What has been established so far; the first failure recorded is the verdict's reason. */
    private static final class Findings {
        CmsProfile profile;
        String digestAlgorithm;
        String signatureAlgorithm;
        boolean digestMatches;
        boolean signatureValid;
        SignerIdentity signer;
        List<String> chain = List.of();
        boolean chainTrusted;
        Instant signingTime;
        Instant timestampTime;
        String timestampAuthority;
        Instant validationTime;
        boolean certificateValidAtTime;
        RevocationStatus revocation;
        ErrorCode failure;
        String failureMessage;

        Findings fail(ErrorCode code, String message) {
            if (failure == null) {
                failure = code;
                failureMessage = message;
            }
            return this;
        }

        VerificationReport report() {
            return new VerificationReport(
                    failure == null ? VerificationReport.Verdict.VALID : VerificationReport.Verdict.INVALID,
                    failure == null ? null : failure.code(), failureMessage, profile, digestAlgorithm,
                    signatureAlgorithm, digestMatches, signatureValid, signer, chain, chainTrusted, signingTime,
                    timestampTime, timestampAuthority, validationTime, certificateValidAtTime, revocation);
        }
    }
}

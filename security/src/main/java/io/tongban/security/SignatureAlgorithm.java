package io.tongban.security;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two algorithm families the bus signs with. SM2 with SM3 is the default (GM/T 0003, 0004,
 * 0010); ECDSA P-256 with SHA-256 is the interoperable alternative.
 */
public enum SignatureAlgorithm {
    SM2_SM3("sm2", "sm2p256v1", "SM3withSM2", "SM3",
            GMObjectIdentifiers.sm3, GMObjectIdentifiers.sm2sign_with_sm3),
    ECDSA_P256_SHA256("ecdsa", "secp256r1", "SHA256withECDSA", "SHA-256",
            NISTObjectIdentifiers.id_sha256, X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final String id;
    private final String curve;
    private final String jcaSignatureName;
    private final String jcaDigestName;
    private final ASN1ObjectIdentifier digestOid;
    private final ASN1ObjectIdentifier signatureOid;

    SignatureAlgorithm(String id, String curve, String jcaSignatureName, String jcaDigestName,
                       ASN1ObjectIdentifier digestOid, ASN1ObjectIdentifier signatureOid) {
        this.id = id;
        this.curve = curve;
        this.jcaSignatureName = jcaSignatureName;
        this.jcaDigestName = jcaDigestName;
        this.digestOid = digestOid;
        this.signatureOid = signatureOid;
    }

    /** Short name used in file names, the CLI and configuration: {@code sm2} or {@code ecdsa}. */
    public String id() {
        return id;
    }

    public String curve() {
        return curve;
    }

    public String jcaSignatureName() {
        return jcaSignatureName;
    }

    public String jcaDigestName() {
        return jcaDigestName;
    }

    public ASN1ObjectIdentifier digestOid() {
        return digestOid;
    }

    public ASN1ObjectIdentifier signatureOid() {
        return signatureOid;
    }

    public static SignatureAlgorithm fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new SecurityServiceException(ErrorCode.UNSUPPORTED_ALGORITHM,
                        "unknown algorithm family '" + id + "', expected sm2 or ecdsa"));
    }

    /**
     * The family of a CMS SignerInfo's digest and signature algorithm identifiers, if the bus accepts
     * the pair. Besides the combined OIDs, producers write the bare key algorithm (id-ecPublicKey,
     * sm2 1.2.156.10197.1.301.1) as signature algorithm; both are accepted.
     */
    public static Optional<SignatureAlgorithm> fromCms(String digestOid, String signatureOid) {
        if (SM2_SM3.digestOid.getId().equals(digestOid)
                && (SM2_SM3.signatureOid.getId().equals(signatureOid)
                || GMObjectIdentifiers.sm2sign.getId().equals(signatureOid))) {
            return Optional.of(SM2_SM3);
        }
        if (ECDSA_P256_SHA256.digestOid.getId().equals(digestOid)
                && (ECDSA_P256_SHA256.signatureOid.getId().equals(signatureOid)
                || X9ObjectIdentifiers.id_ecPublicKey.getId().equals(signatureOid))) {
            return Optional.of(ECDSA_P256_SHA256);
        }
        return Optional.empty();
    }

    /** The family of a certificate's key, or null if it is of neither family. */
    public static SignatureAlgorithm ofKeyOrNull(java.security.cert.X509Certificate certificate) {
        try {
            return ofKey(certificate.getPublicKey());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The family of an EC key by its named curve (SM2 curve or P-256). */
    public static SignatureAlgorithm ofKey(PublicKey key) {
        var parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (GMObjectIdentifiers.sm2p256v1.equals(parameters)) {
            return SM2_SM3;
        }
        if (SECObjectIdentifiers.secp256r1.equals(parameters)) {
            return ECDSA_P256_SHA256;
        }
        throw new SecurityServiceException(ErrorCode.UNSUPPORTED_ALGORITHM,
                "key is neither on the SM2 curve nor on P-256: " + key.getAlgorithm());
    }
}

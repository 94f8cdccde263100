package io.tongban.security.cms;

import io.tongban.security.ErrorCode;
import io.tongban.security.revocation.RevocationStatus;

import java.time.Instant;
import java.util.List;

/**
 * The structured result of verifying a detached CMS signature. Fields that could not be
 * determined (e.g. everything after a malformed signature) are null or empty.
 *
 * @param verdict                 VALID only if every check passed
 * @param reasonCode              the stable code of the first failed check, null when valid
 * @param reason                  a sentence for people, null when valid
 * @param profile                 PKCS7 or GMT_0010 content types
 * @param digestAlgorithm         e.g. SM3, SHA-256
 * @param signatureAlgorithm      e.g. SM3withSM2, SHA256withECDSA
 * @param digestMatches           the document's digest equals the signed message-digest attribute
 * @param signatureValid          the signature over the signed attributes verifies with the signer's key
 * @param signer                  the signer's identity from its certificate
 * @param chain                   subjects from the signer's certificate up to the trust anchor
 * @param chainTrusted            the chain ends at a configured trust anchor
 * @param signingTime             the signing-time attribute (the signer's own claim)
 * @param timestampTime           the genTime of the RFC 3161 token, null without token
 * @param timestampAuthority      the subject of the TSA certificate
 * @param validationTime          the time the certificates were judged at: timestamp, else now
 * @param certificateValidAtTime  every certificate of the chain was within its validity then
 * @param revocation              what the CRL says about the signer certificate at validationTime
 */
public record VerificationReport(
        Verdict verdict,
        String reasonCode,
        String reason,
        CmsProfile profile,
        String digestAlgorithm,
        String signatureAlgorithm,
        boolean digestMatches,
        boolean signatureValid,
        SignerIdentity signer,
        List<String> chain,
        boolean chainTrusted,
        Instant signingTime,
        Instant timestampTime,
        String timestampAuthority,
        Instant validationTime,
        boolean certificateValidAtTime,
        RevocationStatus revocation) {

    public enum Verdict { VALID, INVALID }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /** The failure code as enum, null when valid. */
    public ErrorCode errorCode() {
        if (reasonCode == null) {
            return null;
        }
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code().equals(reasonCode)) {
                return code;
            }
        }
        throw new IllegalStateException("unknown reason code " + reasonCode);
    }
}

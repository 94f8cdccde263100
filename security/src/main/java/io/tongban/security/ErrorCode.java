package io.tongban.security;

/** Stable error codes of the security module; the strings appear in API problem responses. */
public enum ErrorCode {
    DIGEST_MISMATCH("security.digest_mismatch"),
    SIGNATURE_INVALID("security.signature_invalid"),
    UNTRUSTED_SIGNER("security.untrusted_signer"),
    CERTIFICATE_REVOKED("security.certificate_revoked"),
    CERTIFICATE_EXPIRED("security.certificate_expired"),
    CERTIFICATE_NOT_YET_VALID("security.certificate_not_yet_valid"),
    REVOCATION_UNKNOWN("security.revocation_unknown"),
    TIMESTAMP_MISSING("security.timestamp_missing"),
    TIMESTAMP_INVALID("security.timestamp_invalid"),
    MALFORMED_SIGNATURE("security.malformed_signature"),
    MALFORMED_CERTIFICATE("security.malformed_certificate"),
    UNSUPPORTED_ALGORITHM("security.unsupported_algorithm"),
    SIGNING_CERTIFICATE_MISMATCH("security.signing_certificate_mismatch"),
    MALFORMED_JSON("security.malformed_json"),
    UNKNOWN_SIGNER("security.unknown_signer"),
    UNKNOWN_CERTIFICATE("security.unknown_certificate"),
    INVALID_REVOCATION_REASON("security.invalid_revocation_reason"),
    INVALID_CREDIT_CODE("security.invalid_credit_code"),
    KEYSTORE_UNAVAILABLE("security.keystore_unavailable"),
    TIMESTAMP_UNAVAILABLE("security.timestamp_unavailable"),
    SIGNING_FAILED("security.signing_failed");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

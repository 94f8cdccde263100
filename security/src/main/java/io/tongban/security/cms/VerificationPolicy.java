package io.tongban.security.cms;

/**
 * What a verifier demands beyond a mathematically valid signature.
 *
 * @param requireTimestamp             a signature without an RFC 3161 token fails with
 *                                     {@code security.timestamp_missing}
 * @param requireRevocationInformation a signer whose issuer has no CRL at hand fails with
 *                                     {@code security.revocation_unknown}
 */
public record VerificationPolicy(boolean requireTimestamp, boolean requireRevocationInformation) {

    /** The bus default: timestamped and revocation-checked. */
    public static VerificationPolicy strict() {
        return new VerificationPolicy(true, true);
    }

    public VerificationPolicy withoutTimestampRequirement() {
        return new VerificationPolicy(false, requireRevocationInformation);
    }
}

package io.tongban.security.transparency;

import io.tongban.security.cms.VerificationReport;

import java.time.Instant;

/**
 * What {@link CheckpointVerifier} found about a signed checkpoint.
 *
 * @param failure            null when valid; else whether the signature or the timestamp failed
 * @param reasonCode         the stable code of the failure ({@code security.*}), null when valid
 * @param reason             a sentence for people, null when valid
 * @param signature          the report on the CMS signature over the signed text
 * @param timestampTime      the genTime of a valid timestamp token, else null
 * @param timestampAuthority the TSA's subject when known
 */
public record CheckpointVerification(Failure failure, String reasonCode, String reason, VerificationReport signature,
                                     Instant timestampTime, String timestampAuthority) {

    public enum Failure { SIGNATURE, TIMESTAMP }

    public boolean valid() {
        return failure == null;
    }
}

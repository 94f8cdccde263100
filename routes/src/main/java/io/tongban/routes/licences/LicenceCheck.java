package io.tongban.routes.licences;

import io.tongban.security.cms.VerificationReport;

/**
 * What verifying a licence found: its signature (by a real CMS verifier, against this bus's trust anchors or a
 * recognised region's), whether the signer is the issuer the licence names, its status and its validity.
 *
 * @param valid      every check passed: the licence may be relied on and reused
 * @param reasonCode the stable code of the first failed check, null when valid
 * @param region     whose trust anchors the signature chains to ({@code local} for this bus's); null when none
 * @param status     VALID, REVOKED or EXPIRED
 */
public record LicenceCheck(String identifier, boolean valid, String reasonCode, String reason, String region,
                           String status, boolean signerIsIssuer, VerificationReport signature) {
}

package io.tongban.routes.licences;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A licence as the e-licence base holds it: the signed document (its RFC 8785 form) and signature, and beside them
 * where it came from and what became of it.
 *
 * @param region     {@value LicenceRepository#LOCAL} for a licence of this bus's departments, else the recognised
 *                   region whose trust anchors its signature chains to
 * @param issuedBy   the department of this bus that issued it; null for one imported from another region
 * @param submission the submission whose approval issued it; null for an imported one
 * @param status     VALID or REVOKED (an expired licence stays VALID here; see {@link #statusOn})
 * @param storedAt   when it entered the base (issued here, or taken in)
 */
public record StoredLicence(String identifier, String licenceType, String region, String issuedBy, String submission,
                            String documentJson, byte[] signature, LocalDate issuedOn, LocalDate validUntil,
                            String status, Instant revokedAt, String revocationReason, Instant storedAt) {

    /** VALID, REVOKED, or EXPIRED after its last valid day. */
    public String statusOn(LocalDate today) {
        if ("VALID".equals(status) && validUntil != null && today.isAfter(validUntil)) {
            return "EXPIRED";
        }
        return status;
    }
}

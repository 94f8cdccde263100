package io.tongban.routes.licences;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An e-licence as the API shows it: the document exactly as signed, its detached CMS signature (base64), and what
 * the base knows beside it.
 *
 * @param status     VALID, REVOKED or EXPIRED
 * @param region     {@code local}, or the recognised region it comes from
 * @param issuedBy   the department of this bus that issued it (absent for an imported one)
 * @param submission the submission whose approval issued it (absent for an imported one)
 */
public record Licence(String identifier, String licenceType, String status, String region, String issuedBy,
                      String submission, JsonNode document, String signature, Instant revokedAt,
                      String revocationReason) {
}

package io.tongban.routes.licences;

import java.time.Instant;

/**
 * What anyone who holds a licence's identifier may learn of it, without signing in: whether it is in force. Nothing
 * about its holder.
 *
 * @param validUntil the last valid day, or 长期
 */
public record LicenceStatus(String identifier, String licenceType, String status, String validUntil,
                            Instant revokedAt, String revocationReason) {
}

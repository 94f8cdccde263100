package io.tongban.routes.access;

import java.time.Instant;
import java.util.List;

/**
 * A grant of conditional fields to a consumer for one purpose.
 *
 * @param fields canonical field names, or {@code group:<group>} for every field of a group
 */
public record Grant(String id, String consumer, List<String> fields, String purpose, String legalBasis,
                    Instant validFrom, Instant validUntil, String approvedBy, Instant createdAt) {

    public Grant {
        fields = List.copyOf(fields);
    }

    boolean covers(String field, String group) {
        return fields.contains(field) || fields.contains("group:" + group);
    }

    boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}

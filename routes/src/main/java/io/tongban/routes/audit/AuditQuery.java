package io.tongban.routes.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An auditor's search of the log: every criterion optional, newest first, keyset-paged by index.
 *
 * @param subjectHash the keyed hash of the subject's identifier, never the identifier
 * @param before      only entries with a lower index (the previous page's {@code next})
 */
record AuditQuery(String subjectHash, String consumer, String department, String operation, String outcome,
                  String purpose, String kind, Instant from, Instant to, Long before, int limit) {

    boolean bySubject() {
        return subjectHash != null && !subjectHash.isBlank();
    }

    /** The WHERE clause (empty or starting with " WHERE") and its parameters, in order. */
    String where(List<Object> parameters) {
        return where(parameters, null);
    }

    /** The same, within one of H2's subject buckets when {@code subjectBucket} is given (see AuditRepository). */
    String where(List<Object> parameters, Long subjectBucket) {
        List<String> conditions = new ArrayList<>();
        if (bySubject()) {
            byte[] hash = HexFormat.of().parseHex(subjectHash);
            add(conditions, parameters, "subject_bucket = ?", subjectBucket);
            add(conditions, parameters, "subject_key = ?", ByteBuffer.wrap(hash).getLong()); // the indexed prefix
            add(conditions, parameters, "subject_hash = ?", hash);
        }
        add(conditions, parameters, "consumer = ?", consumer);
        add(conditions, parameters, "department = ?", department);
        add(conditions, parameters, "operation = ?", operation);
        add(conditions, parameters, "outcome = ?", outcome);
        add(conditions, parameters, "purpose = ?", purpose);
        add(conditions, parameters, "kind = ?", kind);
        add(conditions, parameters, "recorded_at >= ?", from == null ? null : java.sql.Timestamp.from(from));
        add(conditions, parameters, "recorded_at < ?", to == null ? null : java.sql.Timestamp.from(to));
        add(conditions, parameters, "idx < ?", before);
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(condition);
            parameters.add(value);
        }
    }
}

package io.tongban.mappings;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One department's record about one subject, already in canonical field names and values.
 * Values are JSON-native (String, BigDecimal, Long/Integer, Boolean, List of Map) so that the
 * record survives a JSON round trip unchanged; fields keep their insertion order.
 */
public record SourceRecord(SubjectType subjectType, String subjectId, String source, Instant retrievedAt,
                           String digest, Map<String, Object> fields) {
    public SourceRecord {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }

    /** The provenance every field of this record carries. */
    public Provenance provenance() {
        return new Provenance(source, retrievedAt, digest);
    }
}

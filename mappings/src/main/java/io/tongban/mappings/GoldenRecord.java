package io.tongban.mappings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The merged view of one subject across departments: one value per field, plus every conflict. */
public record GoldenRecord(SubjectType subjectType, String subjectId, Map<String, FieldValue> fields,
                           List<Conflict> conflicts) {
    public GoldenRecord {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        conflicts = List.copyOf(conflicts);
    }

    /** The value of a field, or null when no source gave it. */
    public Object value(String field) {
        FieldValue fieldValue = fields.get(field);
        return fieldValue == null ? null : fieldValue.value();
    }
}

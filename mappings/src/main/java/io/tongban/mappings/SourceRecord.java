package io.tongban.mappings;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One department's record about one subject, already in canonical field names and values.
 * Values are JSON-native (String, BigDecimal, Long/Integer, Boolean, List of Map) so that the
 * record survives a JSON round trip unchanged; fields keep their insertion order.
 * <p>
 * {@code retrievedAt} and {@code digest} name the department message the record was made from
 * (for a record the base holds: its last full fetch). A field whose value came from elsewhere, a
 * change feed, carries its own provenance in {@code fieldProvenance}; every other field is as of
 * the record's retrieval. "As of when" is kept per field, not per record, because a change to one
 * field says nothing about the others.
 */
public record SourceRecord(SubjectType subjectType, String subjectId, String source, Instant retrievedAt,
                           String digest, Map<String, Object> fields, Map<String, Provenance> fieldProvenance) {
    public SourceRecord {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
        fieldProvenance = Collections.unmodifiableMap(
                new LinkedHashMap<>(fieldProvenance == null ? Map.of() : fieldProvenance));
        for (Map.Entry<String, Provenance> entry : fieldProvenance.entrySet()) {
            if (!fields.containsKey(entry.getKey()) || !entry.getValue().source().equals(source)) {
                throw new IllegalArgumentException("provenance of " + entry.getKey()
                        + " must be of a field of this record, from " + source);
            }
        }
    }

    /** A record made from one department message: every field is as of its retrieval. */
    public SourceRecord(SubjectType subjectType, String subjectId, String source, Instant retrievedAt,
                        String digest, Map<String, Object> fields) {
        this(subjectType, subjectId, source, retrievedAt, digest, fields, Map.of());
    }

    /** The provenance of the message this record was made from. */
    public Provenance provenance() {
        return new Provenance(source, retrievedAt, digest, retrievedAt);
    }

    /** The provenance of one field's value (the record's own unless a change laid it over). */
    public Provenance provenance(String field) {
        return fieldProvenance.getOrDefault(field, provenance());
    }

    /**
     * This record's values as a change-feed item that took effect at {@code asOf}: every field is as of then,
     * whenever the bus received it.
     */
    public SourceRecord asChangeAt(Instant asOf) {
        Provenance change = new Provenance(source, retrievedAt, digest, asOf);
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        fields.keySet().forEach(field -> provenance.put(field, change));
        return new SourceRecord(subjectType, subjectId, source, retrievedAt, digest, fields, provenance);
    }

    /**
     * The fields of {@code change} whose value this record holds as of a later time: laying the change over skips
     * them, so that a late change never overwrites fresher data. A field this record lacks counts as held as of
     * the record's retrieval (the department then said it had no value). A change as of the same time applies.
     */
    public Set<String> heldNewerThan(SourceRecord change) {
        checkSameSubject(change);
        Set<String> newer = new LinkedHashSet<>();
        for (String field : change.fields().keySet()) {
            if (change.provenance(field).asOf().isBefore(provenance(field).asOf())) {
                newer.add(field);
            }
        }
        return newer;
    }

    /**
     * This record with {@code change} laid over it field by field: each changed field takes the change's value and
     * provenance, except those {@link #heldNewerThan} the change. The record's own retrieval and digest stay.
     */
    public SourceRecord withChange(SourceRecord change) {
        Set<String> skipped = heldNewerThan(change);
        Map<String, Object> merged = new LinkedHashMap<>(fields);
        Map<String, Provenance> provenance = new LinkedHashMap<>(fieldProvenance);
        change.fields().forEach((field, value) -> {
            if (!skipped.contains(field)) {
                merged.put(field, value);
                provenance.put(field, change.provenance(field));
            }
        });
        return new SourceRecord(subjectType, subjectId, source, retrievedAt, digest, merged, provenance);
    }

    private void checkSameSubject(SourceRecord change) {
        if (change.subjectType() != subjectType || !change.subjectId().equals(subjectId)
                || !change.source().equals(source)) {
            throw new MappingException(MappingError.SUBJECT_MISMATCH, "a " + change.source() + " change about "
                    + change.subjectType() + " " + IdentityNumber.mask(change.subjectId())
                    + " cannot be laid over the " + source + " record of " + subjectType + " " + IdentityNumber.mask(subjectId));
        }
    }
}

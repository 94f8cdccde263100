package io.tongban.mappings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the departments' records about one subject into a golden record. Each field takes the
 * value of its authoritative source (from the canonical model) when that source gives one, else the
 * freshest value of any other source (freshest by the time each value holds as of, so that a
 * field laid over by a change counts by the change's time); every field on which sources disagree
 * is reported as a
 * {@link Conflict} listing each source's value, because the bus shows disagreement, never hides it.
 */
public final class GoldenRecordMerger {
    private final CanonicalModel model;

    public GoldenRecordMerger(CanonicalModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** A merger over the canonical model shipped with the bus. */
    public static GoldenRecordMerger standard() {
        return new GoldenRecordMerger(CanonicalModel.standard());
    }

    /** The canonical field names of a subject type, in documented order (for field selection). */
    public Set<String> fieldsOf(SubjectType type) {
        return new LinkedHashSet<>(model.fields(type).keySet());
    }

    /**
     * @param records the subject's source records; several from one source (a full record and
     *                later change-feed records) are allowed, the freshest value per source counts
     * @throws MappingException {@code mapping.subject_mismatch} when a record is about another
     *                          subject, {@code mapping.unknown_field} for a non-canonical field
     */
    public GoldenRecord merge(SubjectType type, String subjectId, Collection<SourceRecord> records) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Map<String, CanonicalField> canonical = model.fields(type);
        for (SourceRecord record : records) {
            checkBelongs(type, subjectId, record, canonical);
        }
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (CanonicalField field : canonical.values()) {
            List<SourceRecord> givers = freshestPerSource(field.name(), records);
            if (givers.isEmpty()) {
                continue;
            }
            SourceRecord chosen = givers.stream()
                    .filter(record -> record.source().equals(field.authority()))
                    .findFirst()
                    .orElse(givers.get(0));
            fields.put(field.name(), new FieldValue(chosen.fields().get(field.name()), chosen.provenance(field.name())));
            if (disagree(field.name(), givers)) {
                conflicts.add(conflict(field, givers));
            }
        }
        return new GoldenRecord(type, subjectId, fields, conflicts);
    }

    /**
     * Whether the sources' values differ once normalised; values that are equal as given need no normalising (most
     * sources agree, and the merge, normalising every value of every source, was nearly a fifth of what a warm lookup
     * allocated).
     */
    private static boolean disagree(String field, List<SourceRecord> givers) {
        Object first = givers.get(0).fields().get(field);
        if (givers.stream().allMatch(record -> first.equals(record.fields().get(field)))) {
            return false;
        }
        return givers.stream()
                .map(record -> CanonicalValues.comparable(record.fields().get(field)))
                .distinct()
                .count() > 1;
    }

    private static void checkBelongs(SubjectType type, String subjectId, SourceRecord record,
                                     Map<String, CanonicalField> canonical) {
        if (record.subjectType() != type || !record.subjectId().equals(subjectId)) {
            throw new MappingException(MappingError.SUBJECT_MISMATCH, "a " + record.source()
                    + " record about another subject (" + record.subjectType() + " "
                    + IdentityNumber.mask(record.subjectId()) + ") cannot be merged into "
                    + type + " " + IdentityNumber.mask(subjectId));
        }
        for (String name : record.fields().keySet()) {
            if (!canonical.containsKey(name)) {
                throw new MappingException(MappingError.UNKNOWN_FIELD,
                        "a " + record.source() + " record carries '" + name + "', no canonical " + type + " field");
            }
        }
    }

    /** Per source, the freshest record giving the field; freshest first, ties by source name. */
    private static List<SourceRecord> freshestPerSource(String field, Collection<SourceRecord> records) {
        Map<String, SourceRecord> bySource = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            if (record.fields().get(field) == null) {
                continue;
            }
            bySource.merge(record.source(), record,
                    (kept, other) -> asOf(other, field).isAfter(asOf(kept, field)) ? other : kept);
        }
        List<SourceRecord> givers = new ArrayList<>(bySource.values());
        givers.sort(Comparator.comparing((SourceRecord record) -> asOf(record, field)).reversed()
                .thenComparing(SourceRecord::source));
        return givers;
    }

    private static Instant asOf(SourceRecord record, String field) {
        return record.provenance(field).asOf();
    }

    /** Lists the authority's value first, then the others freshest first. */
    private static Conflict conflict(CanonicalField field, List<SourceRecord> givers) {
        List<SourcedValue> values = new ArrayList<>();
        givers.stream().filter(r -> r.source().equals(field.authority())).forEach(r -> values.add(sourced(field, r)));
        givers.stream().filter(r -> !r.source().equals(field.authority())).forEach(r -> values.add(sourced(field, r)));
        return new Conflict(field.name(), field.authority(), values);
    }

    private static SourcedValue sourced(CanonicalField field, SourceRecord record) {
        return new SourcedValue(record.source(), record.fields().get(field.name()),
                record.provenance(field.name()).retrievedAt());
    }
}

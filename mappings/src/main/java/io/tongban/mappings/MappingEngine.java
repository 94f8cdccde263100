package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps one line system's records into {@link SourceRecord}s, driven by a spec kept as data
 * ({@code departments/<source>/person.yaml} or {@code legal-entity.yaml}; format in the module README).
 * An engine is immutable and safe to share between threads.
 */
public final class MappingEngine {
    private static final Set<String> SPEC_KEYS = Set.of("source", "subjectType", "subject", "fields", "description");

    private final String resource;
    private final String source;
    private final SubjectType subjectType;
    private final String subjectField;
    private final Map<String, FieldRule> rules;

    private MappingEngine(String resource, String source, SubjectType subjectType, String subjectField,
                          Map<String, FieldRule> rules) {
        this.resource = resource;
        this.source = source;
        this.subjectType = subjectType;
        this.subjectField = subjectField;
        this.rules = rules;
    }

    /**
     * Loads a spec with the thread context class loader (falling back to this module's), so that a
     * connector jar can ship its department's spec and code tables.
     *
     * @throws MappingException {@code mapping.invalid_spec} naming the spec and what is wrong with it
     */
    public static MappingEngine fromClasspath(String resource) {
        return load(resource, CanonicalModel.standard());
    }

    static MappingEngine load(String resource, CanonicalModel model) {
        SpecReader reader = new SpecReader(resource);
        JsonNode root = Resources.readYaml(resource);
        Resources.checkKeys(root, SPEC_KEYS, reader::invalid);
        String source = root.path("source").asText("");
        String subject = root.path("subject").asText("");
        if (source.isBlank() || subject.isBlank()) {
            throw reader.invalid("needs 'source' (the line system) and 'subject' (the field holding the subject id)");
        }
        SubjectType subjectType;
        try {
            subjectType = SubjectType.valueOf(root.path("subjectType").asText(""));
        } catch (IllegalArgumentException e) {
            throw reader.invalid("subjectType must be one of " + List.of(SubjectType.values()));
        }
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        for (FieldRule rule : reader.rules(root.get("fields"), "the spec")) {
            CanonicalField field = model.field(subjectType, rule.target());
            if (field == null) {
                throw reader.invalid("'" + rule.target() + "' is not a canonical " + subjectType + " field (see canonical/)");
            }
            if (!field.type().equals(SpecReader.canonicalType(rule.type()))) {
                throw reader.invalid("field " + rule.target() + " is canonical type " + field.type()
                        + ", which spec type " + rule.type() + " does not produce");
            }
            checkTableValues(reader, rule, field);
            rules.put(rule.target(), rule);
        }
        return new MappingEngine(resource, source, subjectType, subject, Collections.unmodifiableMap(rules));
    }

    /** A code table may only yield values the canonical field allows (ACTIVE, not "active"). */
    private static void checkTableValues(SpecReader reader, FieldRule rule, CanonicalField field) {
        if (rule.table() == null || field.values().isEmpty()) {
            return;
        }
        Set<String> outside = new TreeSet<>();
        rule.table().codes().forEach(code -> outside.add(rule.table().value(code)));
        outside.removeAll(field.values());
        if (!outside.isEmpty()) {
            throw reader.invalid("table " + rule.table().name() + " gives " + outside
                    + ", which canonical " + rule.target() + " does not allow " + new TreeSet<>(field.values()));
        }
    }

    /** The line system this spec is for, e.g. "tax"; it is the provenance source of every value. */
    public String source() {
        return source;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    /** The canonical fields this spec can produce, in spec order. */
    public Set<String> targets() {
        return rules.keySet();
    }

    /**
     * Maps one department record.
     *
     * @param departmentRecord the record as the department sent it (JSON-like: maps, lists, strings, numbers)
     * @param retrievedAt      when the bus fetched it
     * @param digest           {@link RecordDigest} of the bytes the department sent the record in, taken by the
     *                         connector before parsing them; it becomes the provenance of every value
     * @throws MappingException with a stable code for bad department data
     */
    public SourceRecord map(Map<String, Object> departmentRecord, Instant retrievedAt, String digest) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(departmentRecord, "departmentRecord");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        String subjectId = subjectId(departmentRecord);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldRule rule : rules.values()) {
            Object value = rule.apply(rule.extract(departmentRecord), source);
            if (value != null) {
                fields.put(rule.target(), value);
            }
        }
        return new SourceRecord(subjectType, subjectId, source, retrievedAt, digest, fields);
    }

    /** The normalised subject id (18-character identity number or credit code) of a department record. */
    public String subjectId(Map<String, ?> departmentRecord) {
        Object raw = departmentRecord.get(subjectField);
        if (raw == null || raw.toString().isBlank()) {
            throw new MappingException(MappingError.MISSING_FIELD,
                    source + ": subject field " + subjectField + " is missing");
        }
        return canonicalSubjectId(subjectType, raw.toString(), source + " " + subjectField);
    }

    static String canonicalSubjectId(SubjectType type, String raw, String location) {
        try {
            return type == SubjectType.PERSON ? IdentityNumber.parse(raw).value() : CreditCode.parse(raw).value();
        } catch (MappingException e) {
            throw e.at(location);
        }
    }

    /** The rule that feeds a target, for change feeds that carry a single field. */
    FieldRule rule(String target) {
        return rules.get(target);
    }

    @Override
    public String toString() {
        return "MappingEngine[" + resource + "]";
    }
}

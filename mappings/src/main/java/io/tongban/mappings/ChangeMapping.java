package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps one row of a change file (which item of which subject changed, its new value and the date of
 * the change) to a partial {@link SourceRecord} holding only the changed canonical field(s), as of
 * the change's date. Which changed item feeds which canonical field is data
 * ({@code departments/<source>/change-file.yaml}); the new value is converted by the same rule the full
 * record spec uses for that field, so that "注销" in a change row and in a full record both become
 * DEREGISTERED.
 */
public final class ChangeMapping {
    private static final Set<String> KEYS = Set.of("description", "spec", "subject", "item", "newValue",
            "changedOn", "changedOnPattern", "changedOnZone", "items");

    private final String resource;
    private final MappingEngine engine;
    private final String subjectField;
    private final String itemField;
    private final String newValueField;
    private final String changedOnField;
    private final DateTimeFormatter changedOnFormat;
    private final ZoneId changedOnZone;
    private final Map<String, List<FieldRule>> items;

    private ChangeMapping(String resource, MappingEngine engine, String subjectField, String itemField,
                          String newValueField, String changedOnField, DateTimeFormatter changedOnFormat,
                          ZoneId changedOnZone, Map<String, List<FieldRule>> items) {
        this.resource = resource;
        this.engine = engine;
        this.subjectField = subjectField;
        this.itemField = itemField;
        this.newValueField = newValueField;
        this.changedOnField = changedOnField;
        this.changedOnFormat = changedOnFormat;
        this.changedOnZone = changedOnZone;
        this.items = items;
    }

    /**
     * @throws MappingException {@code mapping.invalid_spec} when the file or the spec it names is wrong
     */
    public static ChangeMapping fromClasspath(String resource) {
        JsonNode root = Resources.readYaml(resource);
        Resources.checkKeys(root, KEYS, problem -> invalid(resource, problem));
        for (String key : List.of("spec", "subject", "item", "newValue", "changedOn", "changedOnPattern", "changedOnZone")) {
            if (root.path(key).asText("").isBlank()) {
                throw invalid(resource, "needs '" + key + "'");
            }
        }
        MappingEngine engine = MappingEngine.fromClasspath(Resources.folderOf(resource) + root.get("spec").asText());
        DateTimeFormatter changedOnFormat;
        try {
            changedOnFormat = SpecReader.strictDateFormat(root.get("changedOnPattern").asText());
        } catch (IllegalArgumentException e) {
            throw invalid(resource, "bad changedOnPattern: " + e.getMessage());
        }
        ZoneId changedOnZone;
        try {
            changedOnZone = ZoneId.of(root.get("changedOnZone").asText());
        } catch (DateTimeException e) {
            throw invalid(resource, "bad changedOnZone: " + e.getMessage());
        }
        JsonNode itemNodes = root.path("items");
        if (!itemNodes.isObject() || itemNodes.isEmpty()) {
            throw invalid(resource, "needs a non-empty 'items' mapping (changed item -> canonical field(s))");
        }
        Map<String, List<FieldRule>> items = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = itemNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<FieldRule> rules = new ArrayList<>();
            for (JsonNode target : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
                FieldRule rule = engine.rule(target.asText());
                if (rule == null) {
                    throw invalid(resource, "item " + entry.getKey() + " names '" + target.asText()
                            + "', which " + root.get("spec").asText() + " does not map");
                }
                rules.add(rule);
            }
            items.put(entry.getKey(), List.copyOf(rules));
        }
        return new ChangeMapping(resource, engine, root.get("subject").asText(), root.get("item").asText(),
                root.get("newValue").asText(), root.get("changedOn").asText(), changedOnFormat, changedOnZone,
                Collections.unmodifiableMap(items));
    }

    private static MappingException invalid(String resource, String problem) {
        return new MappingException(MappingError.INVALID_SPEC, "change mapping " + resource + ": " + problem);
    }

    public String source() {
        return engine.source();
    }

    /** The changed items this mapping understands, e.g. 企业名称, 住所. */
    public Set<String> items() {
        return items.keySet();
    }

    /**
     * The row a department writes for a change of {@code item} (the inverse of {@link #map}, for stand-ins of a
     * department and tools that write change files): column name -> text.
     */
    public Map<String, String> row(String subject, String item, String newValue, LocalDate changedOn) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(subjectField, subject);
        row.put(itemField, item);
        row.put(newValueField, newValue);
        row.put(changedOnField, changedOnFormat.format(changedOn));
        return row;
    }

    /**
     * A change dated D is taken as effective at the end of day D (the start of D+1 in the zone of the dates):
     * a value fetched during day D may already reflect it, and laying the change over such a value again is
     * harmless, while laying an older change over a newer fetch is not.
     *
     * @param row         one change row, column name -> text
     * @param retrievedAt when the bus read the change file
     * @param digest      {@link RecordDigest} of the row's bytes as they stand in the file
     * @return a record with only the changed canonical field(s), each as of the end of the change's date
     * @throws MappingException for an unknown item, a bad subject id, date or new value
     */
    public SourceRecord map(Map<String, String> row, Instant retrievedAt, String digest) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        Objects.requireNonNull(digest, "digest");
        String location = engine.source() + " change row";
        String subjectId = MappingEngine.canonicalSubjectId(engine.subjectType(),
                required(row, subjectField, location), location + " " + subjectField);
        String item = required(row, itemField, location);
        List<FieldRule> rules = items.get(item);
        if (rules == null) {
            throw new MappingException(MappingError.UNKNOWN_CODE, location + ": changed item '" + item
                    + "' is not in the items of " + resource + " " + items.keySet());
        }
        String changedOn = required(row, changedOnField, location);
        Instant effective;
        try {
            effective = LocalDate.parse(changedOn, changedOnFormat).plusDays(1).atStartOfDay(changedOnZone).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(MappingError.INVALID_VALUE,
                    location + " " + changedOnField + ": '" + changedOn + "' is not a real date");
        }
        String newValue = required(row, newValueField, location);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            Object value = rule.apply(newValue, location + " " + newValueField + " of " + item);
            if (value != null) {
                fields.put(rule.target(), value);
            }
        }
        if (fields.isEmpty()) {
            throw new MappingException(MappingError.MISSING_FIELD,
                    location + ": the new value of " + item + " gives no canonical value");
        }
        return new SourceRecord(engine.subjectType(), subjectId, engine.source(), retrievedAt, digest, fields)
                .asChangeAt(effective);
    }

    private static String required(Map<String, String> row, String column, String location) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new MappingException(MappingError.MISSING_FIELD, location + ": column " + column + " is empty or missing");
        }
        return value;
    }
}

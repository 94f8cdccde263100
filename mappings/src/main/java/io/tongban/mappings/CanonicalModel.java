package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The canonical fields of persons and legal entities, read from {@code canonical/person.yaml} and
 * {@code canonical/legal-entity.yaml}, and the fields departments contribute in the {@code canonical-fields}
 * section of their {@code departments/<source>/connector.yaml} ({@code person:} and {@code legal-entity:}, each
 * field as in the core files). Specs may only write these fields, and the merger takes the authority of each field
 * from here.
 */
public final class CanonicalModel {
    private static final Set<String> TYPES = Set.of(
            "text", "code", "identityNumber", "creditCode", "date", "instant", "decimal", "integer", "boolean", "list");
    private static volatile CanonicalModel standard;

    private final Map<SubjectType, Map<String, CanonicalField>> fields;

    private CanonicalModel(Map<SubjectType, Map<String, CanonicalField>> fields) {
        this.fields = fields;
    }

    /** The model shipped with the bus and what the departments on the classpath contribute to it, loaded once. */
    public static CanonicalModel standard() {
        CanonicalModel model = standard;
        if (model == null) {
            model = load(Map.of(SubjectType.PERSON, "canonical/person.yaml",
                    SubjectType.LEGAL_ENTITY, "canonical/legal-entity.yaml"))
                    .withContributions(DepartmentFolders.descriptions());
            standard = model;
        }
        return model;
    }

    /**
     * This model with the fields the given department descriptions contribute. A contributed field may not redefine
     * one the model already has: the core's and each department's fields stay whose they are.
     */
    CanonicalModel withContributions(Iterable<String> descriptions) {
        Map<SubjectType, Map<String, CanonicalField>> all = new EnumMap<>(SubjectType.class);
        fields.forEach((type, own) -> all.put(type, new LinkedHashMap<>(own)));
        for (String description : descriptions) {
            JsonNode section = Resources.readYaml(description).path("canonical-fields");
            if (section.isMissingNode()) {
                continue;
            }
            Resources.checkKeys(section, Set.of("person", "legal-entity"),
                    problem -> invalid(description, "canonical-fields: " + problem));
            contribute(all.get(SubjectType.PERSON), section.path("person"), description, "canonical-fields.person.");
            contribute(all.get(SubjectType.LEGAL_ENTITY), section.path("legal-entity"), description,
                    "canonical-fields.legal-entity.");
        }
        all.replaceAll((type, merged) -> Collections.unmodifiableMap(merged));
        return new CanonicalModel(all);
    }

    private static void contribute(Map<String, CanonicalField> model, JsonNode fieldNodes, String resource, String at) {
        if (fieldNodes.isMissingNode()) {
            return;
        }
        Map<String, CanonicalField> contributed = readFields(fieldNodes, resource, at);
        for (String name : contributed.keySet()) {
            if (model.containsKey(name)) {
                throw invalid(resource, at + name + ": already a canonical field (authority "
                        + model.get(name).authority() + "); a department adds fields, it does not redefine them");
            }
        }
        model.putAll(contributed);
    }

    /** Loads a model from one file per subject type; a malformed file fails with {@code mapping.invalid_spec}. */
    public static CanonicalModel load(Map<SubjectType, String> resources) {
        Map<SubjectType, Map<String, CanonicalField>> all = new EnumMap<>(SubjectType.class);
        resources.forEach((type, resource) -> all.put(type, readFields(type, resource)));
        return new CanonicalModel(all);
    }

    private static Map<String, CanonicalField> readFields(SubjectType type, String resource) {
        JsonNode root = Resources.readYaml(resource);
        if (!type.name().equals(root.path("subjectType").asText())) {
            throw invalid(resource, "subjectType must be " + type);
        }
        return Collections.unmodifiableMap(readFields(root.path("fields"), resource, "field "));
    }

    private static Map<String, CanonicalField> readFields(JsonNode fieldNodes, String resource, String at) {
        if (!fieldNodes.isObject() || fieldNodes.isEmpty()) {
            throw invalid(resource, at.strip() + " needs a non-empty mapping of fields");
        }
        Map<String, CanonicalField> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fieldNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            String fieldType = node.path("type").asText();
            if (!TYPES.contains(fieldType)) {
                throw invalid(resource, at + entry.getKey() + " has unknown type '" + fieldType + "'");
            }
            if (!node.hasNonNull("group") || !node.hasNonNull("authority")) {
                throw invalid(resource, at + entry.getKey() + " needs a group and an authority");
            }
            SharingType sharing = SharingType.ofCode(node.path("sharing").asText());
            if (sharing == null) {
                throw invalid(resource, at + entry.getKey() + " needs a sharing type (unconditional,"
                        + " conditional or not-shared), got '" + node.path("sharing").asText() + "'");
            }
            Set<String> values = new LinkedHashSet<>();
            node.path("values").forEach(value -> values.add(value.asText()));
            fields.put(entry.getKey(), new CanonicalField(entry.getKey(), fieldType,
                    node.get("group").asText(), node.get("authority").asText(), sharing, values));
        }
        return fields;
    }

    private static MappingException invalid(String resource, String problem) {
        return new MappingException(MappingError.INVALID_SPEC, "canonical model " + resource + ": " + problem);
    }

    /** The fields of a subject type, in their documented order. */
    public Map<String, CanonicalField> fields(SubjectType type) {
        Map<String, CanonicalField> result = fields.get(type);
        if (result == null) {
            throw new MappingException(MappingError.INVALID_SPEC, "no canonical model for " + type);
        }
        return result;
    }

    /** The definition of one field, or null when the subject type has no such field. */
    public CanonicalField field(SubjectType type, String name) {
        return fields(type).get(name);
    }
}

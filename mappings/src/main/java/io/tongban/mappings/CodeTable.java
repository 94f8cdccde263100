package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A code table loaded from a YAML data file: each code has a label and a canonical value. National
 * tables (GB/T 2261.1 gender, GB/T 3304 ethnicity) live under {@code codes/} and map each code to
 * itself; department tables live beside their spec and map a department's code to the canonical one.
 * <pre>
 * name: gb2261-gender
 * title: ...
 * codes:
 *   "1": 男性                       # label only: the canonical value is the code itself
 *   "0": {value: ACTIVE, label: 正常} # department code 0 means canonical ACTIVE
 * </pre>
 */
public final class CodeTable {
    private record Entry(String value, String label) {
    }

    private final String name;
    private final Map<String, Entry> entries;

    private CodeTable(String name, Map<String, Entry> entries) {
        this.name = name;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A national table from {@code codes/<name>.yaml}, e.g. {@code national("gb3304-ethnicity")}. */
    public static CodeTable national(String name) {
        return fromClasspath("codes/" + name + ".yaml");
    }

    /** Loads a table file; a malformed file fails with {@code mapping.invalid_spec}. */
    public static CodeTable fromClasspath(String resource) {
        JsonNode root = Resources.readYaml(resource);
        JsonNode codes = root.get("codes");
        if (!root.hasNonNull("name") || codes == null || !codes.isObject() || codes.isEmpty()) {
            throw new MappingException(MappingError.INVALID_SPEC,
                    "code table " + resource + " needs a 'name' and a non-empty 'codes' mapping");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = codes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> code = it.next();
            JsonNode entry = code.getValue();
            if (entry.isValueNode()) {
                entries.put(code.getKey(), new Entry(code.getKey(), entry.asText()));
            } else if (entry.isObject() && entry.hasNonNull("value")) {
                entries.put(code.getKey(), new Entry(entry.get("value").asText(), entry.path("label").asText(null)));
            } else {
                throw new MappingException(MappingError.INVALID_SPEC,
                        "code table " + resource + ": code '" + code.getKey() + "' needs a label or a {value, label}");
            }
        }
        return new CodeTable(root.get("name").asText(), entries);
    }

    public String name() {
        return name;
    }

    public Set<String> codes() {
        return entries.keySet();
    }

    public boolean contains(String code) {
        return code != null && entries.containsKey(code);
    }

    /**
     * The canonical value of a code.
     *
     * @throws MappingException {@code mapping.unknown_code} naming the table and the code
     */
    public String value(String code) {
        return entry(code).value();
    }

    /** The label of a code (e.g. 汉族 for "01"), or the code itself when the table gives none. */
    public String label(String code) {
        Entry entry = entry(code);
        return entry.label() == null ? code : entry.label();
    }

    private Entry entry(String code) {
        Entry entry = code == null ? null : entries.get(code);
        if (entry == null) {
            throw new MappingException(MappingError.UNKNOWN_CODE,
                    "code '" + code + "' is not in table " + name);
        }
        return entry;
    }
}

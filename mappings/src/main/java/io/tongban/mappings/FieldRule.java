package io.tongban.mappings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a spec: where a canonical target field comes from in the department record and
 * how its value is converted. A path may go into nested objects ("a.b").
 */
final class FieldRule {
    private final String target;
    private final String from;
    private final List<String> path;
    private final String type;
    private final boolean required;
    private final Set<String> onlyWhen;
    private final ValueConverter converter;
    private final CodeTable table;

    FieldRule(String target, String from, String type, boolean required, Set<String> onlyWhen,
              ValueConverter converter, CodeTable table) {
        this.target = target;
        this.from = from;
        this.path = List.of(from.split("\\."));
        this.type = type;
        this.required = required;
        this.onlyWhen = onlyWhen;
        this.converter = converter;
        this.table = table;
    }

    /** The code table of a code or codeLabel rule, else null. */
    CodeTable table() {
        return table;
    }

    String target() {
        return target;
    }

    String type() {
        return type;
    }

    /** The raw value at this rule's path, or null when absent or blank. */
    Object extract(Map<String, ?> record) {
        Object current = record;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        if (current instanceof String text && text.isBlank()) {
            return null;
        }
        return current;
    }

    /**
     * The canonical value for a raw value, or null when the field is absent (optional) or the
     * rule's onlyWhen condition does not hold.
     *
     * @throws MappingException missing_field for an absent required field, or the conversion's error
     */
    Object apply(Object raw, String location) {
        if (raw != null && onlyWhen != null && !onlyWhen.contains(RawValues.text(raw))) {
            return null;
        }
        Object value;
        try {
            value = raw == null ? null : converter.convert(raw);
        } catch (MappingException e) {
            throw e.at(location + " " + from + " -> " + target);
        }
        // text that normalises to nothing (only invisible characters) is as absent as no text
        if (value == null && required) {
            throw new MappingException(MappingError.MISSING_FIELD,
                    location + ": required field " + from + " (for " + target + ") is missing");
        }
        return value;
    }
}

package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the field rules of a spec file and builds the converter for each type. Every mistake in
 * a spec (unknown key, unknown type, unknown table, bad pattern) fails here, at load time, with
 * the spec and field named, rather than on the first record.
 */
final class SpecReader {
    private static final Set<String> RULE_KEYS = Set.of("from", "type", "required", "onlyWhen", "table",
            "pattern", "multiplier", "scale", "trueValues", "falseValues", "fields", "description");

    /** Which canonical value type each spec type produces (codeLabel gives plain text). */
    private static final Map<String, String> CANONICAL_TYPE = Map.ofEntries(
            Map.entry("text", "text"), Map.entry("codeLabel", "text"), Map.entry("code", "code"),
            Map.entry("identityNumber", "identityNumber"), Map.entry("creditCode", "creditCode"),
            Map.entry("date", "date"), Map.entry("instant", "instant"), Map.entry("decimal", "decimal"),
            Map.entry("integer", "integer"), Map.entry("boolean", "boolean"), Map.entry("list", "list"));

    private final String resource;
    private final String folder;
    private final Map<String, CodeTable> tables = new LinkedHashMap<>();

    SpecReader(String resource) {
        this.resource = resource;
        this.folder = Resources.folderOf(resource);
    }

    MappingException invalid(String problem) {
        return new MappingException(MappingError.INVALID_SPEC, "spec " + resource + ": " + problem);
    }

    /** Reads a "fields" mapping: target name -> rule. */
    List<FieldRule> rules(JsonNode fields, String where) {
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            throw invalid(where + " needs a non-empty 'fields' mapping");
        }
        List<FieldRule> rules = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            rules.add(rule(entry.getKey(), entry.getValue()));
        }
        return rules;
    }

    /** The canonical value type a spec type produces. */
    static String canonicalType(String specType) {
        return CANONICAL_TYPE.get(specType);
    }

    private FieldRule rule(String target, JsonNode node) {
        String where = "field " + target;
        if (!node.isObject()) {
            throw invalid(where + " must be a mapping with at least 'from' and 'type'");
        }
        Resources.checkKeys(node, RULE_KEYS, problem -> invalid(where + " has " + problem));
        String from = node.path("from").asText("");
        String type = node.path("type").asText("");
        if (from.isBlank()) {
            throw invalid(where + " needs 'from' (the department's field)");
        }
        if (!CANONICAL_TYPE.containsKey(type)) {
            throw invalid(where + " has unknown type '" + type + "' (known: " + new TreeSet<>(CANONICAL_TYPE.keySet()) + ")");
        }
        Set<String> onlyWhen = node.has("onlyWhen") ? texts(node.get("onlyWhen"), where + " onlyWhen") : null;
        CodeTable table = type.startsWith("code") ? table(node, where) : null;
        return new FieldRule(target, from, type, node.path("required").asBoolean(false), onlyWhen,
                converter(type, node, where, table), table);
    }

    private ValueConverter converter(String type, JsonNode node, String where, CodeTable table) {
        return switch (type) {
            case "text" -> text(node, where);
            case "identityNumber" -> raw -> IdentityNumber.parse(RawValues.text(raw)).value();
            case "creditCode" -> raw -> CreditCode.parse(RawValues.text(raw)).value();
            case "code" -> raw -> table.value(RawValues.text(raw));
            case "codeLabel" -> raw -> table.label(RawValues.text(raw));
            case "date" -> date(node, where);
            case "instant" -> SpecReader::instantFromEpochMillis;
            case "decimal" -> decimal(node, where);
            case "integer" -> SpecReader::integer;
            case "boolean" -> bool(node, where);
            case "list" -> list(node, where);
            default -> throw invalid(where + " has unknown type '" + type + "'");
        };
    }

    private ValueConverter text(JsonNode node, String where) {
        if (!node.has("pattern")) {
            return raw -> ChineseText.normalize(RawValues.text(raw));
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(node.get("pattern").asText());
        } catch (PatternSyntaxException e) {
            throw invalid(where + " has a bad pattern: " + e.getDescription());
        }
        return raw -> {
            String text = ChineseText.normalize(RawValues.text(raw));
            if (text == null || !pattern.matcher(text).matches()) {
                throw new MappingException(MappingError.INVALID_VALUE, "value does not match " + pattern.pattern());
            }
            return text;
        };
    }

    private CodeTable table(JsonNode node, String where) {
        String name = node.path("table").asText("");
        if (name.isBlank()) {
            throw invalid(where + " of type code needs 'table'");
        }
        return tables.computeIfAbsent(name, this::loadTable);
    }

    /** A department table beside the spec wins over a national table of the same name. */
    private CodeTable loadTable(String name) {
        String local = folder + "codes/" + name + ".yaml";
        String national = "codes/" + name + ".yaml";
        if (Resources.exists(local)) {
            return CodeTable.fromClasspath(local);
        }
        if (Resources.exists(national)) {
            return CodeTable.fromClasspath(national);
        }
        throw invalid("unknown code table '" + name + "' (looked for " + local + " and " + national + ")");
    }

    private ValueConverter date(JsonNode node, String where) {
        String pattern = node.path("pattern").asText("");
        if (pattern.isBlank()) {
            throw invalid(where + " of type date needs 'pattern', e.g. yyyyMMdd");
        }
        DateTimeFormatter formatter;
        try {
            formatter = strictDateFormat(pattern);
        } catch (IllegalArgumentException e) {
            throw invalid(where + " has a bad date pattern '" + pattern + "': " + e.getMessage());
        }
        return raw -> {
            String text = ChineseText.toHalfWidth(RawValues.text(raw));
            try {
                return LocalDate.parse(text, formatter).toString();
            } catch (DateTimeParseException e) {
                throw new MappingException(MappingError.INVALID_VALUE,
                        "'" + text + "' is not a real date in the form " + pattern);
            }
        };
    }

    /**
     * A formatter that refuses impossible dates (02-31) instead of adjusting them; 'y' (year of era)
     * becomes 'u' (proleptic year), because strict resolving of 'y' also needs an era.
     */
    static DateTimeFormatter strictDateFormat(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
    }

    private static Object instantFromEpochMillis(Object raw) {
        BigDecimal millis = RawValues.decimal(raw);
        try {
            return Instant.ofEpochMilli(millis.longValueExact()).toString();
        } catch (ArithmeticException e) {
            throw new MappingException(MappingError.INVALID_VALUE, "'" + millis + "' is not whole epoch milliseconds");
        }
    }

    private ValueConverter decimal(JsonNode node, String where) {
        BigDecimal multiplier;
        try {
            multiplier = new BigDecimal(node.path("multiplier").asText("1"));
        } catch (NumberFormatException e) {
            throw invalid(where + " has a multiplier that is no number");
        }
        // a scale of at least 1 keeps the value a decimal through a JSON round trip
        int scale = node.path("scale").asInt(2);
        if (scale < 1) {
            throw invalid(where + " needs a scale of at least 1");
        }
        return raw -> {
            BigDecimal value = RawValues.decimal(raw).multiply(multiplier);
            try {
                return value.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new MappingException(MappingError.INVALID_VALUE,
                        "'" + value.toPlainString() + "' has more than " + scale + " decimal places");
            }
        };
    }

    private static Object integer(Object raw) {
        BigDecimal value = RawValues.decimal(raw);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new MappingException(MappingError.INVALID_VALUE, "'" + value.toPlainString() + "' is not a whole number");
        }
    }

    private ValueConverter bool(JsonNode node, String where) {
        Set<String> trueValues = texts(node.get("trueValues"), where + " trueValues");
        Set<String> falseValues = texts(node.get("falseValues"), where + " falseValues");
        Set<String> both = new HashSet<>(trueValues);
        both.retainAll(falseValues);
        if (!both.isEmpty()) {
            throw invalid(where + " lists " + both + " as both true and false");
        }
        return raw -> {
            if (raw instanceof Boolean flag) {
                return flag;
            }
            String text = RawValues.text(raw);
            if (trueValues.contains(text)) {
                return Boolean.TRUE;
            }
            if (falseValues.contains(text)) {
                return Boolean.FALSE;
            }
            throw new MappingException(MappingError.INVALID_VALUE,
                    "'" + text + "' is neither " + trueValues + " (true) nor " + falseValues + " (false)");
        };
    }

    private ValueConverter list(JsonNode node, String where) {
        List<FieldRule> itemRules = rules(node.get("fields"), where);
        return raw -> {
            if (!(raw instanceof List<?> items)) {
                throw new MappingException(MappingError.INVALID_VALUE, "expected a list");
            }
            List<Map<String, Object>> result = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> item)) {
                    throw new MappingException(MappingError.INVALID_VALUE, "item " + (i + 1) + " is not an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> itemMap = (Map<String, ?>) item;
                Map<String, Object> mapped = new LinkedHashMap<>();
                for (FieldRule rule : itemRules) {
                    Object value = rule.apply(rule.extract(itemMap), "item " + (i + 1));
                    if (value != null) {
                        mapped.put(rule.target(), value);
                    }
                }
                result.add(Collections.unmodifiableMap(mapped));
            }
            return List.copyOf(result);
        };
    }

    private Set<String> texts(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid(where + " must be a non-empty list");
        }
        Set<String> values = new LinkedHashSet<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}

package io.tongban.security.canonical;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Java values straight into their RFC 8785 canonical JSON text, for records the bus builds itself (the
 * exchange log writes one per exchange): the same text as serialising them and running {@link JsonCanonicalizer},
 * without the serialise-and-parse round trip. Takes maps with string keys, lists, strings, booleans, null and
 * integers within the range a double holds exactly (RFC 8785 writes numbers as IEEE 754 doubles); anything else,
 * and strings with lone surrogates, is refused.
 */
public final class CanonicalJsonWriter {

    /** The largest integer magnitude that survives the double conversion RFC 8785 prescribes: 2^53. */
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private CanonicalJsonWriter() {
    }

    /** The canonical text of a value. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    /** Appends the canonical text of a value. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            appendString(out, string);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (Math.abs(number) > MAX_EXACT_INTEGER) {
                throw new IllegalArgumentException("an integer beyond 2^53 has no exact canonical JSON form");
            }
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical JSON form for a " + value.getClass().getName());
        }
    }

    /** Appends a string in quotes with the minimal escapes; a lone surrogate is refused. */
    public static void appendString(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a string with a lone surrogate has no canonical JSON form");
            }
        }
        JsonCanonicalizer.writeString(out, value);
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        // String's natural order compares UTF-16 code units, the order RFC 8785 sorts member names in.
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("a JSON member name must be a string");
            }
            sorted.put(name, member.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, member.getKey());
            out.append(':');
            append(out, member.getValue());
        }
        out.append('}');
    }
}

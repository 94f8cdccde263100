package io.tongban.security.canonical;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by the UTF-16 code units of their
 * names, no insignificant white space, strings with the minimal escapes and numbers written as
 * ECMAScript writes doubles. A record signed over this form keeps its signature when re-serialised
 * with other spacing, member order or escapes. Duplicate member names, lone surrogates and numbers
 * outside the double range are rejected ({@code security.malformed_json}).
 *
 * <p>Readers that need a few fields of many records (the exchange-log verifier reads two members of
 * every entry) use {@link #members}, {@link #elements} and {@link #stringValue}: the same grammar and
 * checks, without writing the canonical form, at a fraction of the cost; writers of JSON lines use
 * {@link #quote}.
 */
public final class JsonCanonicalizer {
    private static final int MAX_DEPTH = 256;
    /** Without an exponent, a literal needs over 309 integer digits to exceed the double range. */
    private static final int MAX_DIGITS_WITHOUT_OVERFLOW = 300;

    private final String text;
    private int position;
    /** The span of the plain member name last read by {@link #name()}. */
    private int nameStart;
    private int nameEnd;

    private JsonCanonicalizer(String text) {
        this.text = text;
    }

    /** The canonical UTF-8 bytes of a JSON text. */
    public static byte[] canonicalize(String json) {
        return canonicalizeToString(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical UTF-8 bytes of a UTF-8 JSON text; malformed UTF-8 is refused, not replaced. */
    public static byte[] canonicalize(byte[] utf8Json) {
        try {
            return canonicalize(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8Json)).toString());
        } catch (CharacterCodingException e) {
            throw new SecurityServiceException(ErrorCode.MALFORMED_JSON, "the JSON text is not valid UTF-8");
        }
    }

    public static String canonicalizeToString(String json) {
        JsonCanonicalizer parser = new JsonCanonicalizer(json);
        StringBuilder out = new StringBuilder(json.length());
        parser.skipWhitespace();
        parser.value(out, 0);
        parser.skipWhitespace();
        if (parser.position != json.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return out.toString();
    }

    /**
     * The members of a JSON object, in source order, each as the exact source text of its value, after
     * checking the whole text as {@link #canonicalize} does (syntax, duplicate names, lone surrogates,
     * numbers beyond the double range). The text is not canonicalized.
     */
    public static Map<String, String> members(String jsonObject) {
        return members(jsonObject, null);
    }

    /**
     * Like {@link #members(String)}, but keeps only the members named in {@code wanted}; the others are
     * checked all the same. Reading two fields of a large record this way costs least.
     */
    public static Map<String, String> members(String jsonObject, Set<String> wanted) {
        JsonCanonicalizer parser = new JsonCanonicalizer(jsonObject);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw parser.error("expected a JSON object");
        }
        Map<String, String> members = parser.memberTexts(wanted);
        parser.requireEnd();
        return members;
    }

    /** The elements of a JSON array, in order, each as the exact source text of its value (checked as {@link #members}). */
    public static List<String> elements(String jsonArray) {
        JsonCanonicalizer parser = new JsonCanonicalizer(jsonArray);
        parser.skipWhitespace();
        if (parser.peek() != '[') {
            throw parser.error("expected a JSON array");
        }
        List<String> elements = parser.elementTexts();
        parser.requireEnd();
        return elements;
    }

    /** The value of a JSON string literal (e.g. a text from {@link #members}), its escapes resolved. */
    public static String stringValue(String jsonString) {
        JsonCanonicalizer parser = new JsonCanonicalizer(jsonString);
        parser.skipWhitespace();
        if (parser.peek() != '"') {
            throw parser.error("expected a JSON string");
        }
        String value = parser.string();
        parser.requireEnd();
        return value;
    }

    /** The canonical JSON text of a string: in quotes, with the minimal escapes (for writers of JSON lines). */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        writeString(out, value);
        return out.toString();
    }

    private Map<String, String> memberTexts(Set<String> wanted) {
        position++; // '{'
        Map<String, String> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        MemberNames names = new MemberNames();
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String decoded = name();
            String key = decoded != null ? (wanted == null || wanted.contains(decoded) ? decoded : null)
                    : plainNameIn(wanted);
            names.add(decoded);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            int start = position;
            value(null, 1);
            if (key != null) {
                members.put(key, text.substring(start, position));
            }
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<String> elementTexts() {
        position++; // '['
        List<String> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            skipWhitespace();
            int start = position;
            value(null, 1);
            elements.add(text.substring(start, position));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return elements;
            }
        }
    }

    private void requireEnd() {
        skipWhitespace();
        if (position != text.length()) {
            throw error("unexpected text after the JSON value");
        }
    }

    /** Writes the canonical form of the value at the position to {@code out}, or only checks it when out is null. */
    private void value(StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{' -> {
                if (out != null) {
                    object(out, depth);
                } else {
                    skipObject(depth);
                }
            }
            case '[' -> {
                if (out != null) {
                    array(out, depth);
                } else {
                    skipArray(depth);
                }
            }
            case '"' -> {
                if (out != null) {
                    writeString(out, string());
                } else {
                    skipString();
                }
            }
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    if (out != null) {
                        out.append(NumberFormatter.format(number()));
                    } else {
                        skipNumber();
                    }
                } else {
                    throw error("unexpected character '" + c + "'");
                }
            }
        }
    }

    private void object(StringBuilder out, int depth) {
        position++; // '{'
        Map<String, String> members = new TreeMap<>(); // String order is UTF-16 code unit order, as RFC 8785 asks
        skipWhitespace();
        if (peek() == '}') {
            position++;
            out.append("{}");
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            StringBuilder member = new StringBuilder();
            value(member, depth + 1);
            if (members.put(name, member.toString()) != null) {
                throw error("duplicate member name \"" + name + "\"");
            }
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                break;
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, member.getKey());
            out.append(':').append(member.getValue());
        }
        out.append('}');
    }

    /** Checks an object as {@link #object} does, without writing it. */
    private void skipObject(int depth) {
        position++; // '{'
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return;
        }
        MemberNames names = new MemberNames();
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            names.add(name());
            skipWhitespace();
            expect(':');
            skipWhitespace();
            value(null, depth + 1);
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return;
            }
        }
    }

    /** Checks an array as {@link #array} does, without writing it. */
    private void skipArray(int depth) {
        position++; // '['
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return;
        }
        while (true) {
            skipWhitespace();
            value(null, depth + 1);
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void array(StringBuilder out, int depth) {
        position++; // '['
        skipWhitespace();
        out.append('[');
        if (peek() == ']') {
            position++;
            out.append(']');
            return;
        }
        List<String> elements = new ArrayList<>();
        while (true) {
            skipWhitespace();
            StringBuilder element = new StringBuilder();
            value(element, depth + 1);
            elements.add(element.toString());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                break;
            }
        }
        out.append(String.join(",", elements)).append(']');
    }

    private String string() {
        position++; // opening quote
        int start = position;
        // most strings hold no escape, control character or surrogate: then the value is the source text
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                return text.substring(start, position++);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
            position++;
        }
        StringBuilder value = new StringBuilder().append(text, start, position);
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in a string must be escaped");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"' -> value.append('"');
                case '\\' -> value.append('\\');
                case '/' -> value.append('/');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw error("invalid escape \\" + escape);
            }
        }
        String result = value.toString();
        requireWellFormedUtf16(result);
        return result;
    }

    /**
     * Moves past a member name for the reading methods. A plain name (no escape, control character or
     * surrogate: nearly all) is left in the text, its span in {@link #nameStart}..{@link #nameEnd}, and
     * null returned; any other is returned decoded.
     */
    private String name() {
        for (int end = position + 1; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '"') {
                nameStart = position + 1;
                nameEnd = end;
                position = end + 1;
                return null;
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
        }
        return string();
    }

    /** The wanted name that the plain name just read is, or null; every name when wanted is null. */
    private String plainNameIn(Set<String> wanted) {
        if (wanted == null) {
            return text.substring(nameStart, nameEnd);
        }
        for (String name : wanted) {
            if (name.length() == nameEnd - nameStart && text.startsWith(name, nameStart)) {
                return name;
            }
        }
        return null;
    }

    /** Checks a string as {@link #string} does; only one with escapes, control characters or surrogates is decoded. */
    private void skipString() {
        int start = position;
        position++; // opening quote
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return;
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
            position++;
        }
        position = start;
        string();
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private void requireWellFormedUtf16(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw error("lone surrogate in a string");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw error("lone surrogate in a string");
            }
        }
    }

    private double number() {
        int start = position;
        scanNumber();
        double value = Double.parseDouble(text.substring(start, position));
        if (Double.isInfinite(value)) {
            throw error("number outside the IEEE 754 double range");
        }
        return value;
    }

    /** Checks a number as {@link #number} does; only a literal with an exponent or hundreds of digits can overflow. */
    private void skipNumber() {
        int start = position;
        if (scanNumber() || position - start > MAX_DIGITS_WITHOUT_OVERFLOW) {
            position = start;
            number();
        }
    }

    /** Moves past a number literal as RFC 8259 writes it; true if it has an exponent. */
    private boolean scanNumber() {
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("digit expected after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("digit expected in the exponent");
            }
            digits();
            return true;
        }
        return false;
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(StringBuilder out, String word) {
        if (!text.startsWith(word, position)) {
            throw error("invalid literal");
        }
        position += word.length();
        if (out != null) {
            out.append(word);
        }
    }

    static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private SecurityServiceException error(String message) {
        return new SecurityServiceException(ErrorCode.MALFORMED_JSON, message + " at offset " + position);
    }

    /**
     * The member names of one object, for the duplicate check of the reading methods. While the names
     * are plain and come in ascending order, as in canonical text, each costs one comparison with the
     * one before, in the text itself; the first other name switches to a set of strings.
     */
    private final class MemberNames {
        private int[] spans = new int[16]; // start and end of each name, while in order
        private int count;
        private Set<String> unsorted;

        /** Adds the name {@link #name()} just read ({@code decoded}, or the span when null); refuses a duplicate. */
        void add(String decoded) {
            if (unsorted == null && decoded == null && (count == 0
                    || compareSpans(spans[2 * count - 2], spans[2 * count - 1], nameStart, nameEnd) < 0)) {
                if (2 * count == spans.length) {
                    spans = Arrays.copyOf(spans, 2 * spans.length);
                }
                spans[2 * count] = nameStart;
                spans[2 * count + 1] = nameEnd;
                count++;
                return;
            }
            if (unsorted == null) {
                unsorted = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    unsorted.add(text.substring(spans[2 * i], spans[2 * i + 1]));
                }
            }
            String name = decoded != null ? decoded : text.substring(nameStart, nameEnd);
            if (!unsorted.add(name)) {
                throw error("duplicate member name \"" + name + "\"");
            }
        }

        /** Compares two spans of the text by UTF-16 code units, as String.compareTo does. */
        private int compareSpans(int aStart, int aEnd, int bStart, int bEnd) {
            int length = Math.min(aEnd - aStart, bEnd - bStart);
            for (int i = 0; i < length; i++) {
                int difference = text.charAt(aStart + i) - text.charAt(bStart + i);
                if (difference != 0) {
                    return difference;
                }
            }
            return (aEnd - aStart) - (bEnd - bStart);
        }
    }

    /** ECMAScript Number::toString for finite doubles (ECMA-262, 7.1.12.1). */
    static final class NumberFormatter {
        private NumberFormatter() {
        }

        static String format(double value) {
            if (value == 0) {
                return "0"; // also -0
            }
            String sign = value < 0 ? "-" : "";
            BigDecimal shortest = shortestRoundTrip(Math.abs(value));
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale(); // value = 0.digits * 10^n
            StringBuilder out = new StringBuilder(sign);
            if (k <= n && n <= 21) {
                out.append(digits).append("0".repeat(n - k));
            } else if (0 < n && n <= 21) {
                out.append(digits, 0, n).append('.').append(digits, n, k);
            } else if (-6 < n && n <= 0) {
                out.append("0.").append("0".repeat(-n)).append(digits);
            } else {
                int exponent = n - 1;
                out.append(digits.charAt(0));
                if (k > 1) {
                    out.append('.').append(digits, 1, k);
                }
                out.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent));
            }
            return out.toString();
        }

        /**
         * The fewest significant digits that read back as the same double, and of those the nearest
         * to its exact value (what ECMAScript demands). Java 17's Double.toString does not always give
         * the shortest form, hence the search.
         */
        private static BigDecimal shortestRoundTrip(double value) {
            BigDecimal exact = new BigDecimal(value);
            for (int precision = 1; precision <= 17; precision++) {
                BigDecimal best = null;
                // the nearest candidate, and its neighbours: at a power of two the interval that reads
                // back as the same double is lopsided, so only the farther neighbour may fit
                for (RoundingMode mode : new RoundingMode[]{RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal candidate = exact.round(new MathContext(precision, mode));
                    if (candidate.doubleValue() == value && (best == null
                            || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                        best = candidate;
                    }
                }
                if (best != null) {
                    return best.stripTrailingZeros();
                }
            }
            return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by the UTF-16 code units of their
 * names, no insignificant white space, strings with the minimal escapes and numbers written as
 * ECMAScript writes doubles. A record signed over this form keeps its signature when re-serialised
 * with other spacing, member order or escapes. Duplicate member names, lone surrogates and numbers
 * outside the double range are rejected ({@code security.malformed_json}).
 */
public final class JsonCanonicalizer {
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int position;

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

    private void value(StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{' -> object(out, depth);
            case '[' -> array(out, depth);
            case '"' -> writeString(out, string());
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    out.append(NumberFormatter.format(number()));
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
        StringBuilder value = new StringBuilder();
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
        }
        double value = Double.parseDouble(text.substring(start, position));
        if (Double.isInfinite(value)) {
            throw error("number outside the IEEE 754 double range");
        }
        return value;
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
        out.append(word);
    }

    private static void writeString(StringBuilder out, String value) {
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

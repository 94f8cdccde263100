package io.tongban.security.canonical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonWriterTest {

    private static final String[] NAMES = {"a", "Z", "index", "previous", "é", "\uE000", "\uD83D\uDE00", "\u0080", "",
            "kind", "a\"b", "tab\t"};
    private static final String[] STRINGS = {"", "x", "中文", "\"quoted\"", "back\\slash", "\n\r\t\b\f", "\u0001\u001f",
            "\u007f", "\uD83D\uDE00", "4403**********1274", "/api/v1/persons/{idNumber}"};
    private static final Random RANDOM = new Random(8785);

    @Test
    @DisplayName("members sorted by UTF-16 code units, minimal escapes, no white space")
    void writesTheCanonicalForm() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("\uE000", 1);
        value.put("\uD83D\uDE00", List.of("a\nb", true, false));
        value.put("b", Map.of("z", 1L, "a", "x"));
        value.put("a", null);

        assertThat(CanonicalJsonWriter.write(value))
                .isEqualTo("{\"a\":null,\"b\":{\"a\":\"x\",\"z\":1},\"\uD83D\uDE00\":[\"a\\nb\",true,false],\"\uE000\":1}");
    }

    @RepeatedTest(200)
    @DisplayName("the same text as writing the value as JSON and canonicalising it, for random values")
    void agreesWithTheCanonicalizer() {
        Object value = randomValue(0);

        String written = CanonicalJsonWriter.write(value);

        assertThat(written).isEqualTo(JsonCanonicalizer.canonicalizeToString(written));
        assertThat(written).isEqualTo(JsonCanonicalizer.canonicalizeToString(plainJson(value)));
    }

    @Test
    @DisplayName("integers beyond 2^53, fractions, lone surrogates and non-string names are refused")
    void refusesWhatHasNoExactForm() {
        assertThat(CanonicalJsonWriter.write(1L << 53)).isEqualTo("9007199254740992");
        assertThatThrownBy(() -> CanonicalJsonWriter.write((1L << 53) + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJsonWriter.write(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJsonWriter.write("\uD83D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJsonWriter.write("\uDE00x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJsonWriter.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object randomValue(int depth) {
        int kind = RANDOM.nextInt(depth > 3 ? 4 : 6);
        return switch (kind) {
            case 0 -> STRINGS[RANDOM.nextInt(STRINGS.length)];
            case 1 -> RANDOM.nextBoolean() ? (Object) (long) RANDOM.nextInt() : RANDOM.nextBoolean();
            case 2 -> RANDOM.nextInt(10) == 0 ? null : RANDOM.nextLong() % (1L << 53);
            case 3 -> RANDOM.nextInt();
            case 4 -> {
                List<Object> list = new ArrayList<>();
                for (int i = RANDOM.nextInt(4); i > 0; i--) {
                    list.add(randomValue(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new HashMap<>();
                List<String> names = new ArrayList<>(Arrays.asList(NAMES));
                for (int i = RANDOM.nextInt(6); i > 0; i--) {
                    map.put(names.remove(RANDOM.nextInt(names.size())), randomValue(depth + 1));
                }
                yield map;
            }
        };
    }

    /** JSON in source order with every non-ASCII character escaped: another spelling of the same value. */
    private static String plainJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{ ");
            map.forEach((name, member) -> out.append(out.length() > 2 ? ", " : "").append(escaped((String) name))
                    .append(" : ").append(plainJson(member)));
            return out.append(" }").toString();
        }
        if (value instanceof List<?> list) {
            return "[ " + String.join(" , ", list.stream().map(CanonicalJsonWriterTest::plainJson).toList()) + " ]";
        }
        return value instanceof String string ? escaped(string) : String.valueOf(value);
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 || c > 0x7e
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}

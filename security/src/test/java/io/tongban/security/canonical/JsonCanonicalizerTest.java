package io.tongban.security.canonical;

import io.tongban.security.SecurityServiceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785 behaviour, on examples written for this suite after the RFC's rules. */
class JsonCanonicalizerTest {

    @Test
    @DisplayName("members are sorted, white space dropped, literals and nesting kept")
    void sortsMembersAndDropsWhitespace() {
        String json = "{ \"b\" : [ 1 , true , null , { \"z\":1, \"a\":\"x\" } ],\n \"a\" : {} , \"c\":[] }";

        assertThat(JsonCanonicalizer.canonicalizeToString(json))
                .isEqualTo("{\"a\":{},\"b\":[1,true,null,{\"a\":\"x\",\"z\":1}],\"c\":[]}");
    }

    @Test
    @DisplayName("member names sort by UTF-16 code units, so a surrogate pair sorts before U+E000")
    void sortsByUtf16CodeUnits() {
        // U+1F600 is the pair D83D DE00, so it sorts before U+E000 and after U+00E9 (as code units)
        String json = "{\"\uE000\":1,\"\uD83D\uDE00\":2,\"é\":3,\"Z\":4,\"a\":5,\"\u0080\":6}";

        assertThat(JsonCanonicalizer.canonicalizeToString(json))
                .isEqualTo("{\"Z\":4,\"a\":5,\"\u0080\":6,\"é\":3,\"\uD83D\uDE00\":2,\"\uE000\":1}");
    }

    @Test
    @DisplayName("strings keep only the mandatory escapes; other characters are written as themselves")
    void escapesMinimally() {
        String json = "[\"\\u0041\\u00e9\\u4e2d\\/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\"]";

        assertThat(JsonCanonicalizer.canonicalizeToString(json))
                .isEqualTo("[\"Aé中/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\"]");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 0",
            "-0 | 0",
            "1.0 | 1",
            "100 | 100",
            "-1.5e3 | -1500",
            "0.1 | 0.1",
            "1e21 | 1e+21",
            "1e20 | 100000000000000000000",
            "123456789012345680000 | 123456789012345680000",
            "0.000001 | 0.000001",
            "0.0000001 | 1e-7",
            "1.25e-7 | 1.25e-7",
            "4.5 | 4.5",
            "2e-3 | 0.002",
            "9007199254740993 | 9007199254740992",
            "1.7976931348623157e308 | 1.7976931348623157e+308",
            "5e-324 | 5e-324",
            "333333333.33333329 | 333333333.3333333",
            "2.82879384806159e17 | 282879384806159000",
            "1e23 | 1e+23",
            "-5e-7 | -5e-7",
            "0.30000000000000004 | 0.30000000000000004"
    })
    void writesNumbersAsEcmaScript(String input, String expected) {
        assertThat(JsonCanonicalizer.canonicalizeToString("[" + input + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    @DisplayName("two serialisations of the same record have the same canonical bytes")
    void reserialisationGivesSameBytes() {
        String compact = "{\"zzbh\":\"4403000001\",\"cyr\":{\"mc\":\"深圳市某某科技有限公司\",\"dm\":\"91440300MA5FXXXX7Q\"},\"yxq\":2.0}";
        String pretty = """
                {
                  "cyr" : { "dm" : "91440300MA5FXXXX7Q", "mc" : "\\u6df1\\u5733\\u5e02某某科技有限公司" },
                  "yxq" : 2,
                  "zzbh" : "4403000001"
                }""";

        assertThat(JsonCanonicalizer.canonicalize(pretty)).isEqualTo(JsonCanonicalizer.canonicalize(compact));
    }

    @ParameterizedTest(name = "{0} is refused with security.malformed_json")
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "[\"\\ud800\"]",
            "[1e400]",
            "[01]",
            "[1.]",
            "{\"a\":1,}",
            "[NaN]",
            "\"unterminated",
            "[1] [2]",
            "{a:1}",
            ""
    })
    void refusesInvalidJson(String json) {
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(json))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageStartingWith("security.malformed_json");
    }

    @Test
    @DisplayName("nesting deeper than the limit is refused instead of overflowing the stack")
    void refusesDeepNesting() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(deep))
                .hasMessageStartingWith("security.malformed_json");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are refused instead of being replaced by U+FFFD")
    void refusesMalformedUtf8() {
        byte[] latin1 = {'[', '"', (byte) 0xE9, '"', ']'};

        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(latin1))
                .hasMessageStartingWith("security.malformed_json");
        assertThat(JsonCanonicalizer.canonicalize("[\"é\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("[\"é\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("members gives each top-level value as its exact source text, in source order, and only those wanted")
    void membersGiveSourceTexts() {
        String json = "{ \"previous\" : \"q\\u00e9\", \"index\":5 ,\"nested\":{\"index\":1},\"list\":[1, 2.0]}";

        assertThat(JsonCanonicalizer.members(json)).containsExactly(
                java.util.Map.entry("previous", "\"q\\u00e9\""), java.util.Map.entry("index", "5"),
                java.util.Map.entry("nested", "{\"index\":1}"), java.util.Map.entry("list", "[1, 2.0]"));
        assertThat(JsonCanonicalizer.members(json, java.util.Set.of("index"))).containsOnlyKeys("index");
        assertThat(JsonCanonicalizer.stringValue("\"q\\u00e9\"")).isEqualTo("qé");
        assertThat(JsonCanonicalizer.elements("[1, 2.0, {\"a\":[]}]")).containsExactly("1", "2.0", "{\"a\":[]}");
        assertThat(JsonCanonicalizer.quote("a\"b\n\u0001é")).isEqualTo("\"a\\\"b\\n\\u0001é\"");
    }

    @ParameterizedTest(name = "members refuses {0} inside an object, as canonicalization does")
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "[\"\\ud800\"]",
            "\"\\udc00x\"",
            "[1e400]",
            "[01]",
            "[1.]",
            "{\"a\":1,}",
            "[NaN]",
            "\"unterminated",
            "[1] [2]",
            "{a:1}",
            "\"tab\tinside\"",
            ""
    })
    void membersRefuseInvalidJson(String json) {
        assertThatThrownBy(() -> JsonCanonicalizer.members("{\"x\":" + json + "}"))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageStartingWith("security.malformed_json");
    }

    @Test
    @DisplayName("members refuses a number beyond the double range written without exponent, and anything but an object")
    void membersRefuseHugeNumbersAndNonObjects() {
        assertThatThrownBy(() -> JsonCanonicalizer.members("{\"x\":1" + "0".repeat(400) + "}"))
                .hasMessageContaining("double range");
        assertThat(JsonCanonicalizer.members("{\"x\":1" + "0".repeat(300) + "}")).containsKey("x");
        assertThatThrownBy(() -> JsonCanonicalizer.members("[1]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> JsonCanonicalizer.members("{} {}")).hasMessageContaining("unexpected text");
    }
}

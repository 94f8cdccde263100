package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTest {

    @DisplayName("text normalises as documented")
    @ParameterizedTest(name = "{0}: \"{1}\" -> \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            full-width space inside a name is removed        | 张　三                         | 张三
            ASCII space between Chinese characters removed   | 深圳市 福田区                  | 深圳市福田区
            space next to a digit in Chinese text removed    | 福华路 1号                     | 福华路1号
            full-width digits and letters become ASCII       | 科技园Ａ座１２号               | 科技园A座12号
            brackets in Chinese text become full-width       | 通办科技(深圳)有限公司         | 通办科技（深圳）有限公司
            full-width brackets in Chinese text are kept     | 通办科技（深圳）有限公司       | 通办科技（深圳）有限公司
            brackets in non-Chinese text become ASCII        | Tongban （Shenzhen） Ltd       | Tongban (Shenzhen) Ltd
            runs of spaces in Latin text collapse            | "  Tongban   Ltd\t"            | Tongban Ltd
            ideographic space at the ends is trimmed         | 　王小明　                     | 王小明
            thousands separator stays half-width             | 资本1,000万元                  | 资本1,000万元
            Chinese comma kept, half-width one converted     | 软件开发,信息咨询，技术服务    | 软件开发，信息咨询，技术服务
            zero-width space is dropped                      | 王\u200B小明                   | 王小明
            enumeration comma and full stop are kept         | 甲、乙。                       | 甲、乙。
            """)
    void normalises(String scenario, String input, String expected) {
        assertThat(ChineseText.normalize(input.replace("\\u200B", "\u200B"))).isEqualTo(expected);
    }

    @Test
    @DisplayName("null, empty and blank text normalise to null, counting as absent")
    void blankIsNull() {
        assertThat(ChineseText.normalize(null)).isNull();
        assertThat(ChineseText.normalize("")).isNull();
        assertThat(ChineseText.normalize(" \u3000\t")).isNull();
    }

    @Test
    @DisplayName("a rare character outside the Basic Multilingual Plane (Extension B) is kept and spaced like any Chinese character")
    void supplementaryCharacters() {
        String rare = new String(Character.toChars(0x20BB7));
        assertThat(ChineseText.normalize("王　" + rare + " 明")).isEqualTo("王" + rare + "明");
    }

    @Test
    @DisplayName("normalising twice gives the same text as normalising once")
    void idempotent() {
        String once = ChineseText.normalize(" 通办科技(深圳)有限公司　福华路 １号, Room 3 ");
        assertThat(ChineseText.normalize(once)).isEqualTo(once);
    }
}

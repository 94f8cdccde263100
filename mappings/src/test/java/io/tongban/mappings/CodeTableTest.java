package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeTableTest {

    @Test
    @DisplayName("GB/T 2261.1 gender has exactly 0, 1, 2 and 9, each mapping to itself")
    void gender() {
        CodeTable gender = CodeTable.national("gb2261-gender");
        assertThat(gender.codes()).containsExactly("0", "1", "2", "9");
        assertThat(gender.value("2")).isEqualTo("2");
        assertThat(gender.label("1")).isEqualTo("男性");
    }

    @Test
    @DisplayName("GB/T 3304 ethnicity has the 56 ethnic groups plus 97 and 98, with Chinese labels")
    void ethnicity() {
        CodeTable ethnicity = CodeTable.national("gb3304-ethnicity");
        assertThat(ethnicity.codes()).hasSize(58).startsWith("01").endsWith("56", "97", "98");
        assertThat(ethnicity.label("01")).isEqualTo("汉族");
        assertThat(ethnicity.label("08")).isEqualTo("壮族");
        assertThat(ethnicity.label("56")).isEqualTo("基诺族");
        assertThat(ethnicity.label("98")).isEqualTo("外国血统中国籍人士");
        assertThat(ethnicity.contains("57")).isFalse();
    }

    @Test
    @DisplayName("a department table maps its code to the canonical value and keeps its own label")
    void departmentTable() {
        CodeTable xb = CodeTable.fromClasspath("new-department/specs/housing-fund/codes/xb.yaml");
        assertThat(xb.value("F")).isEqualTo("2");
        assertThat(xb.label("F")).isEqualTo("女");
    }

    @Test
    @DisplayName("an unknown code fails with mapping.unknown_code naming the table and the value")
    void unknownCode() {
        CodeTable gender = CodeTable.national("gb2261-gender");
        assertThatThrownBy(() -> gender.value("3"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.unknown_code"))
                .hasMessage("code '3' is not in table gb2261-gender");
        assertThatThrownBy(() -> gender.label(null))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.unknown_code"));
    }

    @Test
    @DisplayName("a table without codes fails at load time")
    void emptyTable() {
        assertThatThrownBy(() -> CodeTable.fromClasspath("bad-specs/codes/empty.yaml"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_spec"))
                .hasMessageContaining("non-empty 'codes'");
    }
}

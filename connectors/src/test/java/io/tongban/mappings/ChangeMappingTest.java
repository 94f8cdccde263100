package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ChangeMappingTest {
    private static final String COMPANY = "91440300MA5FTE8T0X";
    private static final Instant AT = Instant.parse("2025-06-02T01:00:00Z");
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private final ChangeMapping changes = ChangeMapping.fromClasspath("departments/market-supervision/change-file.yaml");

    private static Map<String, String> row(String item, String after) {
        Map<String, String> row = new HashMap<>();
        row.put("TYSHXYDM", COMPANY);
        row.put("BGXM", item);
        row.put("BGQNR", "旧值");
        row.put("BGHNR", after);
        row.put("BGRQ", "2025-06-01");
        return row;
    }

    @DisplayName("each changed item maps to its canonical field, converted as in a full record")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            企业名称   | name                | 通办科技(深圳)有限公司  | 通办科技（深圳）有限公司
            住所       | domicile            | 深圳市福田区 福华路２号  | 深圳市福田区福华路2号
            法定代表人 | legalRepresentative | 李　华                  | 李华
            登记状态   | status              | 注销                    | DEREGISTERED
            经营范围   | businessScope       | 软件开发                | 软件开发
            """)
    void itemMapsToCanonicalField(String item, String field, String after, String expected) {
        SourceRecord record = changes.map(row(item, after), AT, DIGEST);
        assertThat(record.subjectType()).isEqualTo(SubjectType.LEGAL_ENTITY);
        assertThat(record.subjectId()).isEqualTo(COMPANY);
        assertThat(record.source()).isEqualTo("market-supervision");
        assertThat(record.retrievedAt()).isEqualTo(AT);
        assertThat(record.digest()).isEqualTo(DIGEST);
        assertThat(record.fields()).containsExactly(entry(field, expected));
        assertThat(record.provenance(field)).isEqualTo(new Provenance("market-supervision", AT, DIGEST,
                Instant.parse("2025-06-01T16:00:00Z")));
    }

    @Test
    @DisplayName("a change dated D is as of the end of day D in Asia/Shanghai (the start of D+1), whenever the file was read")
    void changeIsAsOfTheEndOfItsDate() {
        Map<String, String> newYearsEve = row("住所", "新址");
        newYearsEve.put("BGRQ", "2025-12-31");

        SourceRecord record = changes.map(newYearsEve, AT, DIGEST);

        assertThat(record.provenance("domicile").asOf())
                .isEqualTo(ZonedDateTime.parse("2026-01-01T00:00+08:00[Asia/Shanghai]").toInstant());
        assertThat(record.provenance("domicile").retrievedAt()).isEqualTo(AT);
    }

    @Test
    @DisplayName("a capital change is converted from 10,000 CNY to CNY")
    void capitalChange() {
        assertThat(changes.map(row("注册资本", "1200.5"), AT, DIGEST).fields())
                .containsExactly(entry("registeredCapital", new BigDecimal("12005000.00")));
    }

    @Test
    @DisplayName("an item the mapping does not know is refused as an unknown code")
    void unknownItem() {
        assertThatThrownBy(() -> changes.map(row("股东", "某某"), AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.unknown_code"))
                .hasMessageContaining("'股东'");
    }

    @Test
    @DisplayName("a new status outside the status table is refused")
    void unknownStatus() {
        assertThatThrownBy(() -> changes.map(row("登记状态", "歇业"), AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.unknown_code"))
                .hasMessageContaining("djzt");
    }

    @Test
    @DisplayName("a bad credit code, a bad change date, an empty new value or one that normalises to nothing is refused")
    void badRows() {
        Map<String, String> badCode = row("住所", "新址");
        badCode.put("TYSHXYDM", "91440300MA5FTE8T0Y");
        assertThatThrownBy(() -> changes.map(badCode, AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_identifier"));

        Map<String, String> badDate = row("住所", "新址");
        badDate.put("BGRQ", "2025-02-30");
        assertThatThrownBy(() -> changes.map(badDate, AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_value"));

        assertThatThrownBy(() -> changes.map(row("住所", " "), AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.missing_field"))
                .hasMessageContaining("BGHNR");

        assertThatThrownBy(() -> changes.map(row("住所", "\u200B"), AT, DIGEST))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.missing_field"))
                .hasMessageContaining("gives no canonical value");
    }

    @Test
    @DisplayName("the mapping lists the six change items of the market supervision file")
    void items() {
        assertThat(changes.items()).containsExactlyInAnyOrder("企业名称", "住所", "法定代表人", "登记状态", "注册资本", "经营范围");
    }
}

package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceRecordJsonTest {

    @Test
    @DisplayName("a record with every kind of canonical value survives a JSON round trip unchanged, field order included")
    void roundTrip() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("creditCode", "91440300MA5FTE8T0X");
        fields.put("registeredCapital", new BigDecimal("5000000.00"));
        fields.put("establishedOn", "2018-06-20");
        fields.put("taxArrears", Boolean.FALSE);
        fields.put("count", 12L);
        fields.put("insurances", List.of(Map.of("type", "PENSION", "monthsPaid", 96L)));
        SourceRecord record = new SourceRecord(SubjectType.LEGAL_ENTITY, "91440300MA5FTE8T0X", "market-supervision",
                Instant.parse("2025-06-01T08:00:00.123Z"), "sha256:00", fields);

        String json = SourceRecordJson.toJson(record);
        SourceRecord back = SourceRecordJson.fromJson(json);

        assertThat(json).contains("\"retrievedAt\":\"2025-06-01T08:00:00.123Z\"").contains("5000000.00");
        assertThat(back).isEqualTo(record);
        assertThat(back.fields().keySet()).containsExactlyElementsOf(fields.keySet());
    }

    @Test
    @DisplayName("text that is no stored record fails with mapping.invalid_value")
    void garbage() {
        assertThatThrownBy(() -> SourceRecordJson.fromJson("{\"subjectType\":\"ROBOT\"}"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_value"));
        assertThatThrownBy(() -> SourceRecordJson.fromJson("{}"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_value"));
    }

    @Test
    @DisplayName("the record digest is SHA-256 over the JSON with sorted keys, whatever order the fields came in")
    void digestOverSortedJson() throws Exception {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("XM", "王小明");
        ordered.put("GMSFHM", "440304198503151231");
        ordered.put("xzlx", List.of(Map.of("zt", "1", "xz", "110")));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("xzlx", ordered.get("xzlx"));
        reversed.put("GMSFHM", "440304198503151231");
        reversed.put("XM", "王小明");
        String sortedJson = "{\"GMSFHM\":\"440304198503151231\",\"XM\":\"王小明\",\"xzlx\":[{\"xz\":\"110\",\"zt\":\"1\"}]}";
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(sortedJson.getBytes(StandardCharsets.UTF_8)));

        assertThat(RecordDigest.of(ordered)).isEqualTo(expected).isEqualTo(RecordDigest.of(reversed));
    }
}

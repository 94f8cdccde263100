package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
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
    @DisplayName("a held record with a change laid over one field keeps that field's own provenance through a JSON round trip")
    void roundTripWithFieldProvenance() {
        Instant fetched = Instant.parse("2025-06-01T08:00:00Z");
        SourceRecord held = new SourceRecord(SubjectType.LEGAL_ENTITY, "91440300MA5FTE8T0X", "market-supervision",
                fetched, "sha256:aa", Map.of("name", "旧名称有限公司", "domicile", "旧址1号"));
        SourceRecord change = new SourceRecord(SubjectType.LEGAL_ENTITY, "91440300MA5FTE8T0X", "market-supervision",
                Instant.parse("2025-06-03T01:00:00Z"), "sha256:bb", Map.of("name", "新名称有限公司"))
                .asChangeAt(Instant.parse("2025-06-02T16:00:00Z"));
        SourceRecord record = held.withChange(change);

        SourceRecord back = SourceRecordJson.fromJson(SourceRecordJson.toJson(record));

        assertThat(back).isEqualTo(record);
        assertThat(back.provenance("name")).isEqualTo(change.provenance("name"));
        assertThat(back.provenance("domicile")).isEqualTo(held.provenance());
    }

    @Test
    @DisplayName("a record stored before field provenance existed reads back with every field as of its retrieval")
    void recordWithoutFieldProvenance() {
        SourceRecord back = SourceRecordJson.fromJson("{\"subjectType\":\"PERSON\",\"subjectId\":\"11010519491231002X\","
                + "\"source\":\"tax\",\"retrievedAt\":\"2025-06-01T08:00:00Z\",\"digest\":\"sha256:aa\","
                + "\"fields\":{\"name\":\"赵六\"}}");

        assertThat(back.fieldProvenance()).isEmpty();
        assertThat(back.provenance("name").asOf()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
    }
}

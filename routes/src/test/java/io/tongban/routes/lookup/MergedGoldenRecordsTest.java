package io.tongban.routes.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.mappings.GoldenRecord;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MergedGoldenRecordsTest {

    private static final String PERSON = "440305198304261274";
    private static final Instant FETCHED = Instant.parse("2026-12-01T08:00:00Z");

    private final GoldenRecordMerger merger = GoldenRecordMerger.standard();
    private final MergedGoldenRecords merged = new MergedGoldenRecords(merger, 100);

    @Test
    @DisplayName("The same stored records give the merge made for them; a record read anew from a changed row is merged anew, never served the old merge")
    void keptByTheRecordsThemselves() {
        SourceRecord held = record("广东省深圳市南山区旧路1号");
        GoldenRecord first = merged.ofStored(SubjectType.PERSON, PERSON, List.of(held));

        assertThat(merged.ofStored(SubjectType.PERSON, PERSON, List.of(held))).isSameAs(first);

        GoldenRecord changed = merged.ofStored(SubjectType.PERSON, PERSON, List.of(record("广东省深圳市南山区新路2号")));
        assertThat(changed).isNotSameAs(first).isEqualTo(merger.merge(SubjectType.PERSON, PERSON,
                List.of(record("广东省深圳市南山区新路2号"))));
        assertThat(changed.fields().get("address").value()).isEqualTo("广东省深圳市南山区新路2号");
        assertThat(merged.ofStored(SubjectType.PERSON, PERSON, List.of(held)).fields().get("address").value())
                .isEqualTo("广东省深圳市南山区旧路1号");
    }

    private static SourceRecord record(String address) {
        return new SourceRecord(SubjectType.PERSON, PERSON, "public-security", FETCHED, "sha256:00",
                Map.of("name", "王小明", "address", address));
    }
}

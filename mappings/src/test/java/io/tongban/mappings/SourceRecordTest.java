package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "As of when" per field: laying changes over a record fetched in full. */
class SourceRecordTest {
    private static final String COMPANY = "91440300MA5FTE8T0X";
    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-06-03T08:00:00Z");
    private static final Instant BETWEEN = Instant.parse("2025-06-02T08:00:00Z");
    private static final Instant BEFORE = Instant.parse("2025-05-31T08:00:00Z");
    private static final Instant READ = Instant.parse("2025-06-04T01:00:00Z");

    private static SourceRecord fetchedAtT0() {
        return new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "market-supervision", T0, "sha256:f0",
                Map.of("name", "旧名称有限公司", "domicile", "旧址1号"));
    }

    private static SourceRecord change(String field, Object value, Instant asOf) {
        return new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "market-supervision", READ, "sha256:c-" + field,
                Map.of(field, value)).asChangeAt(asOf);
    }

    @Test
    @DisplayName("a record fetched in full at T0 is as of T0 for every field, absent ones included")
    void fullFetchIsAsOfItsRetrievalForEveryField() {
        SourceRecord record = fetchedAtT0();

        assertThat(record.provenance("name").asOf()).isEqualTo(T0);
        assertThat(record.provenance("domicile")).isEqualTo(new Provenance("market-supervision", T0, "sha256:f0", T0));
        assertThat(record.provenance("status").asOf()).isEqualTo(T0);
    }

    @Test
    @DisplayName("a change at T1 to name makes name as of T1 only; the record keeps its retrieval and digest")
    void changeMakesOnlyItsFieldNewer() {
        SourceRecord held = fetchedAtT0().withChange(change("name", "新名称有限公司", T1));

        assertThat(held.fields()).containsEntry("name", "新名称有限公司").containsEntry("domicile", "旧址1号");
        assertThat(held.provenance("name")).isEqualTo(new Provenance("market-supervision", READ, "sha256:c-name", T1));
        assertThat(held.provenance("domicile").asOf()).isEqualTo(T0);
        assertThat(held.retrievedAt()).isEqualTo(T0);
        assertThat(held.digest()).isEqualTo("sha256:f0");
    }

    @Test
    @DisplayName("a late change to domicile dated between T0 and T1 still applies; a late change to name dated then does not")
    void lateChangesAreJudgedFieldByField() {
        SourceRecord held = fetchedAtT0().withChange(change("name", "新名称有限公司", T1));
        SourceRecord lateDomicile = change("domicile", "新址2号", BETWEEN);
        SourceRecord lateName = change("name", "中间名称有限公司", BETWEEN);

        assertThat(held.heldNewerThan(lateDomicile)).isEmpty();
        assertThat(held.withChange(lateDomicile).fields()).containsEntry("domicile", "新址2号");
        assertThat(held.heldNewerThan(lateName)).containsExactly("name");
        assertThat(held.withChange(lateName)).isEqualTo(held);
    }

    @Test
    @DisplayName("a change older than the fetch is skipped, even for a field the fetch did not give; one as of the fetch itself applies")
    void changeOlderThanTheFetchIsSkipped() {
        SourceRecord held = fetchedAtT0();

        assertThat(held.heldNewerThan(change("domicile", "更旧地址", BEFORE))).containsExactly("domicile");
        assertThat(held.heldNewerThan(change("status", "ACTIVE", BEFORE))).containsExactly("status");
        assertThat(held.withChange(change("domicile", "同时地址", T0)).fields()).containsEntry("domicile", "同时地址");
    }

    @Test
    @DisplayName("a change about another subject or from another source cannot be laid over a record")
    void changeOfAnotherSubjectIsRefused() {
        SourceRecord other = new SourceRecord(SubjectType.LEGAL_ENTITY, "9144030071526726XG", "market-supervision",
                READ, "sha256:c", Map.of("name", "别家有限公司")).asChangeAt(T1);
        SourceRecord otherSource = new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "tax",
                READ, "sha256:c", Map.of("name", "别家有限公司")).asChangeAt(T1);

        assertThatThrownBy(() -> fetchedAtT0().withChange(other))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.subject_mismatch"));
        assertThatThrownBy(() -> fetchedAtT0().withChange(otherSource))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.subject_mismatch"));
    }

    @Test
    @DisplayName("a field's own provenance must be of a field the record has, from the record's source")
    void fieldProvenanceMustFitTheRecord() {
        Provenance elsewhere = new Provenance("tax", READ, "sha256:c", T1);

        assertThatThrownBy(() -> new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "market-supervision", T0, null,
                Map.of("name", "某有限公司"), Map.of("name", elsewhere))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "market-supervision", T0, null,
                Map.of("name", "某有限公司"), Map.of("domicile", fetchedAtT0().provenance())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

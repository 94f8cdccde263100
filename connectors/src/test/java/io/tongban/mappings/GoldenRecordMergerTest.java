package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Merges records produced by the real specs, so that what is merged is what the connectors produce. */
class GoldenRecordMergerTest {
    private static final String PERSON = "440304198503151231";
    private static final String COMPANY = "91440300MA5FTE8T0X";
    private static final Instant EARLIER = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-06-02T08:00:00Z");
    private static final String DIGEST = "sha256:" + "0".repeat(64);

    private final GoldenRecordMerger merger = GoldenRecordMerger.standard();

    private static SourceRecord publicSecurity(String status, String address, Instant at) {
        return MappingEngine.fromClasspath("departments/public-security/person.yaml").map(Map.of(
                "GMSFHM", PERSON, "XM", "王小明", "XBDM", "1", "MZDM", "01", "CSRQ", "19850315",
                "HJDZ", address, "HJDZ_XZQH", "440304", "RYZT", status), at, DIGEST);
    }

    private static SourceRecord socialSecurity(String name, String address, Instant at) {
        return MappingEngine.fromClasspath("departments/social-security/person.yaml").map(Map.of(
                "sfzhm", PERSON, "xm", name, "cbzt", "1", "lxdz", address,
                "xzlx", List.of(Map.of("xz", "110", "zt", "1", "jfys", 96)), "gxsj", 1717228800000L), at, DIGEST);
    }

    private static SourceRecord tax(String name, Instant at) {
        return MappingEngine.fromClasspath("departments/tax/person.yaml").map(Map.of(
                "NSRSBH", PERSON, "NSRMC", name, "NSRZT", "03", "QSBZ", "N", "DJRQ", "2019/03/15"), at, DIGEST);
    }

    @Test
    @DisplayName("address disagreement: public security's address wins and both addresses are reported")
    void addressDisagreement() {
        SourceRecord ps = publicSecurity("0", "广东省深圳市福田区福华一路88号", EARLIER);
        SourceRecord ss = socialSecurity("王小明", "深圳市南山区科技园1号", LATER);

        GoldenRecord golden = merger.merge(SubjectType.PERSON, PERSON, List.of(ss, ps));

        assertThat(golden.fields().get("address").value()).isEqualTo("广东省深圳市福田区福华一路88号");
        assertThat(golden.fields().get("address").provenance()).isEqualTo(ps.provenance());
        assertThat(golden.conflicts()).extracting(Conflict::field).containsExactly("address");
        Conflict conflict = golden.conflicts().get(0);
        assertThat(conflict.authoritativeSource()).isEqualTo("public-security");
        assertThat(conflict.values()).extracting(SourcedValue::source, SourcedValue::value, SourcedValue::retrievedAt)
                .containsExactly(
                        tuple("public-security", "广东省深圳市福田区福华一路88号", EARLIER),
                        tuple("social-security", "深圳市南山区科技园1号", LATER));
    }

    @Test
    @DisplayName("deceased but still paying: public security's DECEASED wins and social security's ACTIVE is shown")
    void deceasedButPaying() {
        SourceRecord ps = publicSecurity("1", "广东省深圳市福田区福华一路88号", EARLIER);
        SourceRecord ss = socialSecurity("王小明", "广东省深圳市福田区福华一路88号", LATER);

        GoldenRecord golden = merger.merge(SubjectType.PERSON, PERSON, List.of(ps, ss));

        assertThat(golden.value("status")).isEqualTo("DECEASED");
        assertThat(golden.value("insuranceStatus")).isEqualTo("PAYING");
        assertThat(golden.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("status");
            assertThat(conflict.values()).extracting(SourcedValue::source, SourcedValue::value)
                    .containsExactly(tuple("public-security", "DECEASED"), tuple("social-security", "ACTIVE"));
        });
    }

    @Test
    @DisplayName("values equal after normalisation (full-width space, full-width digits) are no conflict")
    void normalisedEqualValuesAgree() {
        SourceRecord ps = publicSecurity("0", "广东省深圳市福田区福华一路88号", EARLIER);
        SourceRecord ss = socialSecurity("王　小明", "广东省深圳市福田区福华一路８８号", LATER);
        SourceRecord tx = tax("王小明", LATER);

        GoldenRecord golden = merger.merge(SubjectType.PERSON, PERSON, List.of(ps, ss, tx));

        assertThat(golden.conflicts()).isEmpty();
        assertThat(golden.fields().get("name").provenance().source()).isEqualTo("public-security");
    }

    @Test
    @DisplayName("authority absent: the freshest other source's value is taken, and its provenance says so")
    void fallbackToFreshestNonAuthoritative() {
        SourceRecord ss = socialSecurity("王小明", "深圳市南山区科技园1号", EARLIER);
        SourceRecord tx = tax("王晓明", LATER);

        GoldenRecord golden = merger.merge(SubjectType.PERSON, PERSON, List.of(ss, tx));

        assertThat(golden.fields().get("name").value()).isEqualTo("王晓明");
        assertThat(golden.fields().get("name").provenance().source()).isEqualTo("tax");
        assertThat(golden.fields().get("address").provenance().source()).isEqualTo("social-security");
        assertThat(golden.fields()).doesNotContainKeys("gender", "birthDate");
        assertThat(golden.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("name");
            assertThat(conflict.authoritativeSource()).isEqualTo("public-security");
            assertThat(conflict.values()).extracting(SourcedValue::source).containsExactly("tax", "social-security");
        });
    }

    @Test
    @DisplayName("company deregistered in market supervision but normal in tax: DEREGISTERED wins, the conflict is shown")
    void deregisteredButNormalInTax() {
        SourceRecord market = MappingEngine.fromClasspath("departments/market-supervision/legal-entity.yaml").map(Map.of(
                "TYSHXYDM", COMPANY, "QYMC", "深圳市通办科技有限公司", "DJZT", "注销", "ZCZB", "500"), EARLIER, DIGEST);
        SourceRecord taxRecord = MappingEngine.fromClasspath("departments/tax/legal-entity.yaml").map(Map.of(
                "NSRSBH", COMPANY, "NSRMC", "深圳市通办科技有限公司", "NSRZT", "03", "NSRXYDJ", "A"), LATER, DIGEST);

        GoldenRecord golden = merger.merge(SubjectType.LEGAL_ENTITY, COMPANY, List.of(taxRecord, market));

        assertThat(golden.value("status")).isEqualTo("DEREGISTERED");
        assertThat(golden.value("taxpayerStatus")).isEqualTo("NORMAL");
        assertThat(golden.value("registeredCapital")).isEqualTo(new BigDecimal("5000000.00"));
        assertThat(golden.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("status");
            assertThat(conflict.authoritativeSource()).isEqualTo("market-supervision");
            assertThat(conflict.values()).extracting(SourcedValue::source, SourcedValue::value)
                    .containsExactly(tuple("market-supervision", "DEREGISTERED"), tuple("tax", "ACTIVE"));
        });
    }

    @Test
    @DisplayName("numbers are compared by value: 5000000.00 and 5000000 agree")
    void numbersComparedByValue() {
        SourceRecord a = new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "market-supervision", EARLIER, null,
                Map.of("registeredCapital", new BigDecimal("5000000.00")));
        SourceRecord b = new SourceRecord(SubjectType.LEGAL_ENTITY, COMPANY, "other-registry", LATER, null,
                Map.of("registeredCapital", 5_000_000L));
        assertThat(merger.merge(SubjectType.LEGAL_ENTITY, COMPANY, List.of(a, b)).conflicts()).isEmpty();
    }

    @Test
    @DisplayName("a later change-feed record of the authority replaces its earlier full record's value")
    void freshestRecordPerSourceCounts() {
        SourceRecord full = MappingEngine.fromClasspath("departments/market-supervision/legal-entity.yaml").map(Map.of(
                "TYSHXYDM", COMPANY, "QYMC", "深圳市通办科技有限公司", "DJZT", "存续", "ZS", "旧址1号"), EARLIER, DIGEST);
        SourceRecord change = ChangeMapping.fromClasspath("departments/market-supervision/change-file.yaml").map(Map.of(
                "TYSHXYDM", COMPANY, "BGXM", "住所", "BGQNR", "旧址1号", "BGHNR", "新址2号", "BGRQ", "2025-06-02"), LATER, DIGEST);

        GoldenRecord golden = merger.merge(SubjectType.LEGAL_ENTITY, COMPANY, List.of(full, change));

        assertThat(golden.value("domicile")).isEqualTo("新址2号");
        assertThat(golden.fields().get("domicile").provenance().retrievedAt()).isEqualTo(LATER);
        assertThat(golden.value("name")).isEqualTo("深圳市通办科技有限公司");
        assertThat(golden.conflicts()).isEmpty();
    }

    @Test
    @DisplayName("a held record with a change laid over one field: that field carries the change's provenance, the others the fetch's")
    void fieldProvenanceOfAHeldRecord() {
        SourceRecord fetched = MappingEngine.fromClasspath("departments/market-supervision/legal-entity.yaml").map(Map.of(
                "TYSHXYDM", COMPANY, "QYMC", "深圳市通办科技有限公司", "DJZT", "存续", "ZS", "旧址1号"), EARLIER, DIGEST);
        SourceRecord change = ChangeMapping.fromClasspath("departments/market-supervision/change-file.yaml").map(Map.of(
                "TYSHXYDM", COMPANY, "BGXM", "住所", "BGQNR", "旧址1号", "BGHNR", "新址2号", "BGRQ", "2025-06-02"),
                LATER, "sha256:" + "c".repeat(64));

        GoldenRecord golden = merger.merge(SubjectType.LEGAL_ENTITY, COMPANY, List.of(fetched.withChange(change)));

        assertThat(golden.fields().get("domicile").provenance()).isEqualTo(change.provenance("domicile"));
        assertThat(golden.fields().get("domicile").provenance().digest()).isEqualTo("sha256:" + "c".repeat(64));
        assertThat(golden.fields().get("name").provenance()).isEqualTo(fetched.provenance());
    }

    @Test
    @DisplayName("a record about another subject is refused, with the ids masked in the message")
    void otherSubjectIsRefused() {
        SourceRecord other = tax("王小明", EARLIER);
        assertThatThrownBy(() -> merger.merge(SubjectType.PERSON, "11010519491231002X", List.of(other)))
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.code()).isEqualTo("mapping.subject_mismatch"))
                .hasMessageContaining("440304**********31")
                .hasMessageNotContaining(PERSON);
    }

    @Test
    @DisplayName("a field outside the canonical model is refused")
    void unknownFieldIsRefused() {
        SourceRecord odd = new SourceRecord(SubjectType.PERSON, PERSON, "tax", EARLIER, null, Map.of("shoeSize", 42L));
        assertThatThrownBy(() -> merger.merge(SubjectType.PERSON, PERSON, List.of(odd)))
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.code()).isEqualTo("mapping.unknown_field"));
    }

    @Test
    @DisplayName("no records give an empty golden record; fieldsOf lists the canonical fields in order")
    void emptyAndFieldsOf() {
        GoldenRecord golden = merger.merge(SubjectType.PERSON, PERSON, List.of());
        assertThat(golden.fields()).isEmpty();
        assertThat(golden.conflicts()).isEmpty();
        assertThat(merger.fieldsOf(SubjectType.PERSON)).startsWith("idNumber", "name").contains("insurances", "taxArrears");
        assertThat(merger.fieldsOf(SubjectType.LEGAL_ENTITY)).startsWith("creditCode").contains("registeredCapital");
    }
}

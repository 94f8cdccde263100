package io.tongban.connectors.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tongban.connectors.ConnectorIntegrationTest;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.Sha256;
import io.tongban.connectors.TestSubjects;
import io.tongban.mappings.ChineseText;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import io.tongban.sandbox.market.ChangeFile;
import io.tongban.sandbox.market.EnterpriseChange;
import io.tongban.sandbox.seed.Enterprise;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market supervision change file QYBG_yyyyMMdd.csv (GB18030) dropped into the feed directory")
class MarketChangeFileFeedTest extends ConnectorIntegrationTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String HEADER = "TYSHXYDM,BGXM,BGQNR,BGHNR,BGRQ";
    /** A CJK Extension B character: four bytes in GB18030, outside the BMP in Java. */
    private static final String RARE = new String(Character.toChars(0x20BB7));

    private Enterprise company(int index) {
        return sandbox.seed().enterprises().get(index);
    }

    @Test
    @DisplayName("every valid row reaches the changes endpoint, each broken row is rejected with its line and code, the file moves to .done")
    void validRowsAreAppliedAndBrokenRowsRejectedWithLineAndCode() throws IOException {
        String file = "QYBG_20260101.csv";
        Enterprise renamed = company(20);
        Enterprise moved = company(21);
        Enterprise deregistered = company(22);
        Enterprise rescoped = company(23);
        Enterprise recapitalised = company(24);
        drop(file, List.of(
                HEADER,
                renamed.creditCode() + ",企业名称," + renamed.name() + ",深圳" + RARE + "记科技有限公司,2026-01-01",
                moved.creditCode() + ",住所,旧址,深圳市南山区科技园一路1号,2026-01-01",
                TestSubjects.withWrongCheckCharacter(company(25).creditCode()) + ",住所,旧址,新址,2026-01-01",
                deregistered.creditCode() + ",登记状态,存续,注销,2026-01-01",
                company(26).creditCode() + ",股东,甲,乙,2026-01-01",
                rescoped.creditCode() + ",经营范围,旧范围,\"技术开发,技术咨询\",2026-01-01",
                company(27).creditCode() + ",住所,新址,2026-01-01",
                recapitalised.creditCode() + ",注册资本,500.0000,800.0000,2026-01-01"));

        awaitDone(file);

        Map<String, SourceRecord> changes = changesOf(Set.of(renamed, moved, deregistered, rescoped, recapitalised));
        assertThat(changes).hasSize(5);
        assertThat(changes.get(renamed.creditCode()).fields()).isEqualTo(Map.of("name", "深圳" + RARE + "记科技有限公司"));
        assertThat(changes.get(moved.creditCode()).fields()).isEqualTo(Map.of("domicile", "深圳市南山区科技园一路1号"));
        assertThat(changes.get(deregistered.creditCode()).fields()).isEqualTo(Map.of("status", "DEREGISTERED"));
        // the quoted comma stays inside the one field (as text, normalised the way the mappings write Chinese text)
        assertThat(changes.get(rescoped.creditCode()).fields())
                .isEqualTo(Map.of("businessScope", ChineseText.normalize("技术开发,技术咨询")));
        assertThat((BigDecimal) changes.get(recapitalised.creditCode()).fields().get("registeredCapital"))
                .isEqualByComparingTo("8000000");
        assertThat(changes.values()).allSatisfy(change -> {
            assertThat(change.source()).isEqualTo("market-supervision");
            assertThat(change.subjectType()).isEqualTo(SubjectType.LEGAL_ENTITY);
            assertThat(change.digest()).matches("sha256:[0-9a-f]{64}");
        });

        assertThat(rejectionsOf(file)).extracting(RejectedChange::source, RejectedChange::location, RejectedChange::code)
                .containsExactlyInAnyOrder(
                        tuple("market-supervision", file + ":4", "mapping.invalid_identifier"),
                        tuple("market-supervision", file + ":6", "mapping.unknown_code"),
                        tuple("market-supervision", file + ":8", "feed.malformed_row"));
        assertThat(feed().resolve(".failed").resolve(file)).doesNotExist();
    }

    @Test
    @DisplayName("a row with an unclosed quote is rejected as malformed and the rows after it still count")
    void unclosedQuoteIsRejectedWithoutStoppingTheFile() throws IOException {
        String file = "QYBG_20260102.csv";
        Enterprise before = company(30);
        Enterprise after = company(31);
        drop(file, List.of(
                HEADER,
                before.creditCode() + ",住所,旧址,深圳市福田区福华一路2号,2026-01-02",
                company(32).creditCode() + ",经营范围,旧范围,\"技术开发,2026-01-02",
                after.creditCode() + ",住所,旧址,深圳市福田区福华一路3号,2026-01-02"));

        awaitDone(file);

        assertThat(changesOf(Set.of(before, after))).hasSize(2);
        assertThat(rejectionsOf(file)).extracting(RejectedChange::location, RejectedChange::code)
                .containsExactly(tuple(file + ":3", "feed.malformed_row"));
    }

    @Test
    @DisplayName("each change carries the sha256 of its row's GB18030 bytes in the file and is as of the end of its BGRQ day in Asia/Shanghai")
    void changeCarriesTheDigestOfItsRowAndItsOwnDate() throws IOException {
        String file = "QYBG_20260103.csv";
        Enterprise renamed = company(33);
        Enterprise rescoped = company(34);
        String renamedRow = renamed.creditCode() + ",企业名称," + renamed.name() + ",深圳" + RARE + "记科技有限公司,2026-01-03";
        String rescopedRow = rescoped.creditCode() + ",经营范围,旧范围,\"技术开发,技术咨询\",2026-01-02";
        drop(file, List.of(HEADER, renamedRow, rescopedRow));

        awaitDone(file);

        Map<String, SourceRecord> changes = changesOf(Set.of(renamed, rescoped));
        assertThat(changes.get(renamed.creditCode()).digest()).isEqualTo(Sha256.of(renamedRow.getBytes(GB18030)));
        assertThat(changes.get(rescoped.creditCode()).digest()).isEqualTo(Sha256.of(rescopedRow.getBytes(GB18030)));
        assertThat(changes.get(renamed.creditCode()).provenance("name").asOf())
                .isEqualTo(Instant.parse("2026-01-03T16:00:00Z"));
        assertThat(changes.get(rescoped.creditCode()).provenance("businessScope").asOf())
                .isEqualTo(Instant.parse("2026-01-02T16:00:00Z"));
    }

    @Test
    @DisplayName("a change file the sandbox generates (header, CRLF, RFC 4180 quoting) is applied row by row")
    void sandboxGeneratedChangeFileIsApplied() {
        ChangeFile generated = sandbox.generateMarketChangeFile();
        Set<String> changed = generated.changes().stream().map(EnterpriseChange::creditCode).collect(Collectors.toSet());
        assertThat(changed).isNotEmpty();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(core.changes().stream()
                        .filter(change -> change.source().equals("market-supervision"))
                        .map(SourceRecord::subjectId)).containsAll(changed));
        assertThat(rejectionsOf(generated.path().getFileName().toString())).isEmpty();
    }

    private Path feed() {
        return sandbox.feedDirectory();
    }

    /** Writes the file under a hidden name and moves it into place, as a department's transfer would. */
    private void drop(String name, List<String> lines) throws IOException {
        Path hidden = feed().resolve("." + name + ".tmp");
        Files.writeString(hidden, String.join("\r\n", lines) + "\r\n", GB18030);
        Files.move(hidden, feed().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitDone(String name) {
        Awaitility.await("file " + name + " moved to .done").atMost(Duration.ofSeconds(20))
                .until(() -> !Files.exists(feed().resolve(name)) && doneFiles().anyMatch(done -> done.startsWith(name)));
    }

    private Stream<String> doneFiles() throws IOException {
        Path done = feed().resolve(".done");
        if (!Files.isDirectory(done)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(path -> path.getFileName().toString()).toList().stream();
        }
    }

    private Map<String, SourceRecord> changesOf(Set<Enterprise> companies) {
        Set<String> codes = companies.stream().map(Enterprise::creditCode).collect(Collectors.toSet());
        return core.changes().stream()
                .filter(change -> change.source().equals("market-supervision") && codes.contains(change.subjectId()))
                .collect(Collectors.toMap(SourceRecord::subjectId, change -> change));
    }

    private List<RejectedChange> rejectionsOf(String file) {
        return core.rejections().stream().filter(rejection -> rejection.location().startsWith(file + ":")).toList();
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.base.ChangeOutcome;
import io.tongban.routes.base.SourceRecordRepository;
import io.tongban.routes.base.StoredSource;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.SocialInsurance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change-feed item counts as of its own time, field by field: a change older than what the base holds never
 * overwrites fresher data, whenever it arrives.
 */
class ChangeAsOfTest extends SandboxedBusTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger FILES = new AtomicInteger();

    @Autowired
    private SourceRecordRepository base;

    @Test
    @DisplayName("A late change file dated before the last fetch leaves the fetched value; one dated on the day of the fetch changes it")
    void changeFileDatedBeforeTheFetchLeavesTheFetchedValue() throws Exception {
        Enterprise company = SeedSubjects.companyInEverySource();
        LocalDate fetchDay = fetchDay(fetchedAt(entity(company), "market-supervision"));

        dropAndAwait(row(company, "企业名称", company.name(), "深圳迟到变更有限公司", fetchDay.minusDays(1)));

        assertThat(field(entity(company), "name").path("value").asText()).isEqualTo(company.name());

        dropAndAwait(row(company, "企业名称", company.name(), "深圳当日变更有限公司", fetchDay));

        assertThat(field(entity(company), "name").path("value").asText()).isEqualTo("深圳当日变更有限公司");
    }

    @Test
    @DisplayName("As of when is per field: after a change to the name, a late change to the domicile dated between the fetch and it applies, a late change to the name does not")
    void lateChangesAreJudgedFieldByField() throws Exception {
        Enterprise company = SeedSubjects.companyInEverySource();
        LocalDate fetchDay = fetchDay(fetchedAt(entity(company), "market-supervision"));
        String renamed = row(company, "企业名称", company.name(), "深圳次日更名有限公司", fetchDay.plusDays(1));
        dropAndAwait(renamed);

        String lateDomicile = row(company, "住所", company.domicile(), "广东省深圳市福田区迟到路2号", fetchDay);
        String lateName = row(company, "企业名称", "深圳次日更名有限公司", "深圳迟到更名有限公司", fetchDay);
        dropAndAwait(lateDomicile, lateName);

        JsonNode answer = entity(company);
        assertThat(field(answer, "name").path("value").asText()).isEqualTo("深圳次日更名有限公司");
        assertThat(field(answer, "name").path("digest").asText()).isEqualTo(sha256(renamed.getBytes(GB18030)));
        assertThat(field(answer, "domicile").path("value").asText()).isEqualTo("广东省深圳市福田区迟到路2号");
        assertThat(field(answer, "domicile").path("digest").asText()).isEqualTo(sha256(lateDomicile.getBytes(GB18030)));
        assertThat(field(answer, "legalRepresentative").path("digest").asText())
                .as("a field no change touched keeps the digest of the fetched answer")
                .isEqualTo(sha256(servedBytes(company)));
    }

    @Test
    @DisplayName("A social security event whose gxsj is before the last fetch leaves the fetched value; one after it changes it")
    void socialSecurityEventsCountAsOfTheirGxsj() throws Exception {
        Person person = SeedSubjects.personInEverySource();
        Person marker = SeedSubjects.personInEverySource();
        Instant fetched = fetchedAt(person(person), "social-security");
        person(marker);
        SocialInsurance insured = sandbox().seed().socialInsurance(person.identityNumber()).orElseThrow();
        SocialInsurance markerInsured = sandbox().seed().socialInsurance(marker.identityNumber()).orElseThrow();

        SocialSecurityEvents.publish(
                SocialSecurityEvents.addressChanged(insured, "广东省佛山市顺德区迟到路1号", fetched.minus(Duration.ofHours(1))));
        // one consumer reads the topic in order: once the marker's event shows, the late event has been dealt with
        SocialSecurityEvents.publish(
                SocialSecurityEvents.addressChanged(markerInsured, "广东省佛山市顺德区标记路1号", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(conflictValues(person(marker))).contains("广东省佛山市顺德区标记路1号"));

        assertThat(conflictValues(person(person))).doesNotContain("广东省佛山市顺德区迟到路1号");

        SocialSecurityEvents.publish(
                SocialSecurityEvents.addressChanged(insured, "广东省佛山市顺德区更新路2号", fetched.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(conflictValues(person(person))).contains("广东省佛山市顺德区更新路2号"));
    }

    @Test
    @DisplayName("applyChange says what it did: NOT_HELD, OLDER_THAN_HELD (nothing written), APPLIED (the fresher fields only)")
    void applyChangeReportsItsOutcome() {
        Enterprise company = SeedSubjects.companyInEverySource();
        Enterprise neverLookedUp = SeedSubjects.companyInEverySource();
        Instant fetched = fetchedAt(entity(company), "market-supervision");

        assertThat(base.applyChange(change(neverLookedUp, Map.of("name", "无人问津有限公司"), fetched)))
                .isEqualTo(ChangeOutcome.NOT_HELD);
        assertThat(base.find(SubjectType.LEGAL_ENTITY, neverLookedUp.creditCode())).isEmpty();

        assertThat(base.applyChange(change(company, Map.of("name", "更早名称有限公司"), fetched.minusSeconds(60))))
                .isEqualTo(ChangeOutcome.OLDER_THAN_HELD);
        assertThat(held(company).fields()).containsEntry("name", company.name());

        assertThat(base.applyChange(change(company, Map.of("name", "较新名称有限公司"), fetched.plusSeconds(120))))
                .isEqualTo(ChangeOutcome.APPLIED);
        Map<String, Object> partly = new LinkedHashMap<>();
        partly.put("name", "居中名称有限公司");
        partly.put("domicile", "广东省深圳市南山区居中路3号");
        assertThat(base.applyChange(change(company, partly, fetched.plusSeconds(60)))).isEqualTo(ChangeOutcome.APPLIED);

        SourceRecord held = held(company);
        assertThat(held.fields()).containsEntry("name", "较新名称有限公司")
                .containsEntry("domicile", "广东省深圳市南山区居中路3号");
        assertThat(held.provenance("name").asOf()).isEqualTo(fetched.plusSeconds(120));
        assertThat(held.provenance("domicile").asOf()).isEqualTo(fetched.plusSeconds(60));
        assertThat(held.retrievedAt()).as("the held record is still the fetch").isEqualTo(fetched);
    }

    private JsonNode entity(Enterprise company) {
        Answer answer = get("/api/v1/legal-entities/" + company.creditCode());
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode person(Person person) {
        Answer answer = get("/api/v1/persons/" + person.identityNumber());
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode field(JsonNode answer, String name) {
        return answer.path("fields").path(name);
    }

    private static List<String> conflictValues(JsonNode answer) {
        return answer.path("conflicts").findValuesAsText("value");
    }

    /** When the source's record the answer was merged from was fetched. */
    private static Instant fetchedAt(JsonNode answer, String source) {
        for (JsonNode state : answer.path("sources")) {
            if (source.equals(state.path("source").asText())) {
                return Instant.parse(state.path("retrievedAt").asText());
            }
        }
        throw new AssertionError(source + " is not among the answer's sources");
    }

    /** The day, in the zone of the change files' dates, of a fetch: taken from the fetch itself, not the clock. */
    private static LocalDate fetchDay(Instant fetched) {
        return fetched.atZone(SHANGHAI).toLocalDate();
    }

    private SourceRecord held(Enterprise company) {
        return base.find(SubjectType.LEGAL_ENTITY, company.creditCode()).stream()
                .filter(stored -> stored.source().equals("market-supervision"))
                .map(StoredSource::record).findFirst().orElseThrow();
    }

    private static SourceRecord change(Enterprise company, Map<String, Object> fields, Instant asOf) {
        return new SourceRecord(SubjectType.LEGAL_ENTITY, company.creditCode(), "market-supervision", Instant.now(),
                "sha256:" + "0".repeat(64), fields).asChangeAt(asOf);
    }

    private static String row(Enterprise company, String item, String before, String after, LocalDate changedOn) {
        return String.join(",", company.creditCode(), item, quoted(before), quoted(after), changedOn.toString());
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Drops a change file as the department's transfer would, and waits until the bus has read it and moved it. */
    private static void dropAndAwait(String... rows) throws Exception {
        Path directory = sandbox().feedDirectory();
        Files.createDirectories(directory);
        String name = "QYBG_" + LocalDate.of(2030, 1, 1).plusDays(FILES.incrementAndGet())
                .format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
        List<String> lines = new ArrayList<>(List.of("TYSHXYDM,BGXM,BGQNR,BGHNR,BGRQ"));
        lines.addAll(List.of(rows));
        Path partial = directory.resolve(name + ".part");
        Files.write(partial, (String.join("\r\n", lines) + "\r\n").getBytes(GB18030));
        Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        await("change file " + name + " read").atMost(Duration.ofSeconds(20))
                .until(() -> !Files.exists(directory.resolve(name)));
    }



    /** Market supervision's answer about the company exactly as it serves it. */
    private static byte[] servedBytes(Enterprise company) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox().marketSupervisionUrl() + "/scjg/api/qy/" + company.creditCode())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

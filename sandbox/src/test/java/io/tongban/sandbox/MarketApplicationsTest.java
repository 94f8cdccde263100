package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.seed.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MarketApplicationsTest {

    private static final Duration DELAY = Duration.ofMillis(50);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).decisionDelay(DELAY).build());
    }

    @AfterEach
    void resetKnobs() {
        sandbox.resetKnobs();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("company establishment: 202 with SLBH, after the delay TG with a new valid credit code, and the lookup finds the company")
    void approvalRegistersTheCompany() throws Exception {
        Person applicant = sandbox.seed().demoPerson();
        String sqbh = UUID.randomUUID().toString();
        OffsetDateTime before = OffsetDateTime.now();
        HttpResponse<String> receipt = submit(application(sqbh, "company-establishment", "深圳星辰测试科技有限公司"));
        assertThat(receipt.statusCode()).isEqualTo(202);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        String slbh = JSON.readTree(receipt.body()).path("SLBH").asText();
        assertThat(slbh).startsWith("SCJGSL");

        JsonNode decision = awaitDecision(sqbh);
        assertThat(decision.fieldNames()).toIterable()
                .containsExactly("XH", "SQBH", "SLBH", "JG", "YY", "TYSHXYDM", "QYMC", "BJSJ");
        assertThat(decision.path("XH").isIntegralNumber()).isTrue();
        assertThat(decision.path("SLBH").asText()).isEqualTo(slbh);
        assertThat(decision.path("JG").asText()).isEqualTo("TG");
        assertThat(decision.path("YY").isArray()).isTrue();
        assertThat(decision.path("YY")).isEmpty();
        assertThat(decision.path("QYMC").asText()).isEqualTo("深圳星辰测试科技有限公司");
        assertThat(Duration.between(before, OffsetDateTime.parse(decision.path("BJSJ").asText())))
                .isGreaterThanOrEqualTo(DELAY);
        String code = decision.path("TYSHXYDM").asText();
        assertThat(IndependentChecks.validCreditCode(code)).as(code).isTrue();
        assertThat(sandbox.seed().enterprise(code)).isEmpty();

        HttpResponse<String> lookup = get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + code);
        assertThat(lookup.statusCode()).isEqualTo(200);
        JsonNode company = JSON.readTree(lookup.body());
        assertThat(company.path("QYMC").asText()).isEqualTo("深圳星辰测试科技有限公司");
        assertThat(company.path("FDDBR").asText()).isEqualTo(applicant.name());
        assertThat(company.path("FDDBRZJHM").asText()).isEqualTo(applicant.identityNumber());
        assertThat(company.path("ZS").asText()).isEqualTo("广东省深圳市南山区科技园路1号");
        assertThat(company.path("JYFW").asText()).isEqualTo("软件开发；信息技术咨询服务");
        assertThat(company.path("CLRQ").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(company.path("DJZT").asText()).isEqualTo("存续");
        assertThat(company.path("QYLX").asText()).isEqualTo("有限责任公司（自然人投资或控股）");
    }

    @Test
    @DisplayName("BTG with reasons: NAME_TAKEN for a registered name and for an earlier approval's, NAME_MISSING, MATTER_NOT_HANDLED")
    void rejections() throws Exception {
        String registered = submitted(application(UUID.randomUUID().toString(), "company-establishment",
                sandbox.seed().demoCompany().name()));
        String first = submitted(application(UUID.randomUUID().toString(), "company-establishment", "深圳唯一名称测试有限公司"));
        String second = submitted(application(UUID.randomUUID().toString(), "company-establishment", "深圳唯一名称测试有限公司"));
        String blank = submitted(application(UUID.randomUUID().toString(), "company-establishment", " "));
        String other = submitted(application(UUID.randomUUID().toString(), "invoice-application", "深圳别的事项有限公司"));

        assertReason(awaitDecision(registered), "NAME_TAKEN", "《企业名称登记管理规定》第十七条");
        assertThat(awaitDecision(first).path("JG").asText()).isEqualTo("TG");
        JsonNode taken = awaitDecision(second);
        assertReason(taken, "NAME_TAKEN", "《企业名称登记管理规定》第十七条");
        assertThat(taken.has("TYSHXYDM")).isFalse();
        assertReason(awaitDecision(blank), "NAME_MISSING", "《企业名称登记管理规定》");
        assertThat(awaitDecision(other).path("YY").get(0).path("DM").asText()).isEqualTo("MATTER_NOT_HANDLED");
    }

    @Test
    @DisplayName("the same SQBH twice: the first SLBH again, one decision; the admin API counts both deliveries")
    void sameApplicationTwiceIsDecidedOnce() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        ObjectNode application = application(sqbh, "company-establishment", "深圳重复投递测试有限公司");
        String slbh = JSON.readTree(submit(application).body()).path("SLBH").asText();
        assertThat(JSON.readTree(submit(application).body()).path("SLBH").asText()).isEqualTo(slbh);
        awaitDecision(sqbh);
        Thread.sleep(DELAY.multipliedBy(4).toMillis());
        submit(application);

        ApplicationCounts counts = sandbox.applications(SystemId.MARKET_SUPERVISION);
        assertThat(counts.receipts()).containsEntry(sqbh, 3);
        assertThat(counts.decisions()).containsEntry(sqbh, 1);
        assertThat(counts.decidedTwice()).isZero();
        assertThat(feed(0, 500).stream().filter(d -> d.path("SQBH").asText().equals(sqbh))).hasSize(1);

        JsonNode admin = JSON.readTree(get(sandbox.adminUrl() + "/applications/market-supervision").body());
        assertThat(admin.fieldNames()).toIterable().containsExactly("received", "deliveries", "decided", "decidedTwice",
                "feedReads");
        assertThat(admin.path("deliveries").asInt()).isEqualTo(counts.deliveries()).isGreaterThanOrEqualTo(admin.path("received").asInt() + 2);
        assertThat(admin.path("decidedTwice").asInt()).isZero();
        assertThat(counts.feedReads()).isPositive(); // awaitDecision reads the feed
        assertThat(admin.path("feedReads").asLong()).isEqualTo(counts.feedReads() + 1); // and once more since the counts
    }

    @Test
    @DisplayName("the feed numbers decisions 1, 2, 3, ... without gaps; after and limit page through them in order")
    void feedPages() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(submitted(application(UUID.randomUUID().toString(), "company-establishment", "深圳分页测试" + i + "有限公司")));
        }
        mine.forEach(MarketApplicationsTest::awaitDecision);
        List<JsonNode> all = feed(0, 500);
        assertThat(all.stream().map(d -> d.path("XH").asLong()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        long firstOfMine = all.stream().filter(d -> d.path("SQBH").asText().equals(mine.get(0))).findFirst()
                .orElseThrow().path("XH").asLong();
        List<JsonNode> page = feed(firstOfMine - 1, 2);
        assertThat(page.stream().map(d -> d.path("SQBH").asText())).containsExactly(mine.get(0), mine.get(1));
        assertThat(page.stream().map(d -> d.path("XH").asLong())).containsExactly(firstOfMine, firstOfMine + 1);
        assertThat(feed(all.size(), 500)).isEmpty();
        assertThat(JSON.readTree(get(sandbox.marketSupervisionUrl() + "/scjg/api/bj").body()).path("BJJG"))
                .hasSize(Math.min(all.size(), 100));
    }

    @Test
    @DisplayName("malformed JSON, not an object, no SQBH, no SXBM: 400 BAD_REQUEST and nothing received")
    void badApplicationsAreRefused() throws Exception {
        int received = sandbox.applications(SystemId.MARKET_SUPERVISION).deliveries();
        ObjectNode noNumber = application("", "company-establishment", "深圳无编号有限公司");
        ObjectNode noMatter = application(UUID.randomUUID().toString(), "company-establishment", "深圳无事项有限公司");
        noMatter.remove("SXBM");
        for (String body : List.of("{\"SQBH\":", "[]", "{\"SQBH\":\"a\"} trailing", noNumber.toString(), noMatter.toString())) {
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("BAD_REQUEST");
        }
        assertThat(sandbox.applications(SystemId.MARKET_SUPERVISION).deliveries()).isEqualTo(received);
    }

    @Test
    @DisplayName("GET on /scjg/api/sq and POST on /scjg/api/bj: 405; a bad after or limit: 400")
    void wrongMethodsAndBadPages() throws Exception {
        assertThat(get(sandbox.marketSupervisionUrl() + "/scjg/api/sq").statusCode()).isEqualTo(405);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.marketSupervisionUrl() + "/scjg/api/bj"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(405);
        for (String query : List.of("limit=0", "limit=501", "after=-1", "after=x", "limit=1.5")) {
            HttpResponse<String> response = get(sandbox.marketSupervisionUrl() + "/scjg/api/bj?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    @DisplayName("error rate 1: POST /scjg/api/sq answers 500 INTERNAL_ERROR and the application is not received")
    void errorKnobFailsSubmissions() throws Exception {
        sandbox.knobs(SystemId.MARKET_SUPERVISION).errorRate(1.0);
        String sqbh = UUID.randomUUID().toString();
        HttpResponse<String> response = submit(application(sqbh, "company-establishment", "深圳故障测试有限公司"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(sandbox.applications(SystemId.MARKET_SUPERVISION).receipts()).doesNotContainKey(sqbh);
    }

    private static ObjectNode application(String sqbh, String matter, String companyName) {
        Person applicant = sandbox.seed().demoPerson();
        return JSON.createObjectNode().put("SQBH", sqbh).put("SXBM", matter).put("SQRZJHM", applicant.identityNumber())
                .put("SQRXM", applicant.name()).put("QYMC", companyName).put("ZS", "广东省深圳市南山区科技园路1号")
                .put("JYFW", "软件开发；信息技术咨询服务");
    }

    /** Submits and answers the SQBH, after checking the receipt. */
    private static String submitted(ObjectNode application) throws Exception {
        assertThat(submit(application).statusCode()).isEqualTo(202);
        return application.path("SQBH").asText();
    }

    private static HttpResponse<String> submit(Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.marketSupervisionUrl() + "/scjg/api/sq"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitDecision(String sqbh) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> feed(0, 500).stream()
                .filter(d -> d.path("SQBH").asText().equals(sqbh)).findFirst().orElse(null), d -> d != null);
    }

    private static List<JsonNode> feed(long after, int limit) throws Exception {
        HttpResponse<String> response = get(sandbox.marketSupervisionUrl() + "/scjg/api/bj?after=" + after + "&limit=" + limit);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> decisions = new ArrayList<>();
        JSON.readTree(response.body()).path("BJJG").forEach(decisions::add);
        return decisions;
    }

    private static void assertReason(JsonNode decision, String code, String legalBasis) {
        assertThat(decision.path("JG").asText()).isEqualTo("BTG");
        assertThat(decision.path("YY")).hasSize(1);
        assertThat(decision.path("YY").get(0).path("DM").asText()).isEqualTo(code);
        assertThat(decision.path("YY").get(0).path("SM").asText()).isNotBlank();
        assertThat(decision.path("YY").get(0).path("YJ").asText()).isEqualTo(legalBasis);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.tongban.sandbox;

import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.publicsecurity.generated.Bjjg;
import io.tongban.sandbox.publicsecurity.generated.Rkxx;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault_Exception;
import io.tongban.sandbox.publicsecurity.generated.RkxxService;
import io.tongban.sandbox.publicsecurity.generated.Yy;
import io.tongban.sandbox.seed.Person;
import jakarta.xml.ws.BindingProvider;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

class PublicSecurityApplicationsTest {

    private static final String NS = "http://ga.sandbox.tongban.io/rkxx";
    private static final Duration DELAY = Duration.ofMillis(50);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static Rkxx client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).decisionDelay(DELAY).build());
        client = new RkxxService().getRkxxPort();
        ((BindingProvider) client).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sandbox.publicSecurityAddress());
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
    @DisplayName("residence permit for a person on record: SubmitApplication answers SLBH, after the delay JG 1 with a new ZZBH")
    void activePersonIsApproved() throws Exception {
        Person demo = sandbox.seed().demoPerson();
        String sqbh = UUID.randomUUID().toString();
        OffsetDateTime before = OffsetDateTime.now();
        String slbh = client.submitApplication(sqbh, "residence-permit", demo.identityNumber(), demo.name(), "深圳市南山区");
        assertThat(slbh).startsWith("GASL");
        Bjjg decision = awaitDecision(sqbh);
        assertThat(decision.getSLBH()).isEqualTo(slbh);
        assertThat(decision.getJG()).isEqualTo("1");
        assertThat(decision.getYY()).isEmpty();
        assertThat(decision.getZZBH()).startsWith("JZZ");
        assertThat(Duration.between(before, OffsetDateTime.parse(decision.getBJSJ()))).isGreaterThanOrEqualTo(DELAY);

        String other = submit("residence-permit", sandbox.seed().persons().get(1).identityNumber());
        assertThat(awaitDecision(other).getZZBH()).startsWith("JZZ").isNotEqualTo(decision.getZZBH());
    }

    @Test
    @DisplayName("JG 0 with reasons: APPLICANT_DECEASED (RYZT 1), HOUSEHOLD_NOT_ACTIVE (RYZT 2/3), PERSON_UNKNOWN, MATTER_NOT_HANDLED")
    void rejections() throws Exception {
        String movedOut = sandbox.seed().persons().stream().filter(p -> p.status().equals("2") || p.status().equals("3"))
                .findFirst().orElseThrow().identityNumber();
        String deceased = submit("residence-permit", sandbox.seed().cases().deceasedButPaying());
        String inactive = submit("residence-permit", movedOut);
        String unknown = submit("residence-permit", "11010519491231002X");
        String other = submit("insurance-registration", sandbox.seed().demoPerson().identityNumber());

        Bjjg rejected = awaitDecision(deceased);
        assertThat(rejected.getJG()).isEqualTo("0");
        assertThat(rejected.getZZBH()).isNull();
        assertThat(rejected.getYY()).hasSize(1);
        Yy reason = rejected.getYY().get(0);
        assertThat(reason.getDM()).isEqualTo("APPLICANT_DECEASED");
        assertThat(reason.getSM()).isNotBlank();
        assertThat(reason.getYJ()).isEqualTo("《居住证暂行条例》第二条");
        assertThat(awaitDecision(inactive).getYY().get(0).getDM()).isEqualTo("HOUSEHOLD_NOT_ACTIVE");
        assertThat(awaitDecision(unknown).getYY().get(0).getDM()).isEqualTo("PERSON_UNKNOWN");
        assertThat(awaitDecision(other).getYY().get(0).getDM()).isEqualTo("MATTER_NOT_HANDLED");
    }

    @Test
    @DisplayName("the same SQBH twice: the same SLBH, one decision")
    void sameApplicationTwiceIsDecidedOnce() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        String id = sandbox.seed().demoPerson().identityNumber();
        String slbh = client.submitApplication(sqbh, "residence-permit", id, null, null);
        assertThat(client.submitApplication(sqbh, "residence-permit", id, null, null)).isEqualTo(slbh);
        awaitDecision(sqbh);
        Thread.sleep(DELAY.multipliedBy(4).toMillis());
        ApplicationCounts counts = sandbox.applications(SystemId.PUBLIC_SECURITY);
        assertThat(counts.receipts()).containsEntry(sqbh, 2);
        assertThat(counts.decisions()).containsEntry(sqbh, 1);
        assertThat(client.fetchDecisions("0", "500").stream().filter(d -> d.getSQBH().equals(sqbh))).hasSize(1);
    }

    @Test
    @DisplayName("FetchDecisions: XH 1, 2, 3, ... without gaps; ZXXH and ZDTS page through them; ZDTS above 500 is accepted")
    void feedPages() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(submit("residence-permit", sandbox.seed().persons().get(i).identityNumber()));
        }
        mine.forEach(PublicSecurityApplicationsTest::awaitDecision);
        List<Bjjg> all = client.fetchDecisions("0", "100000");
        assertThat(all.stream().map(d -> Long.parseLong(d.getXH())))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        long firstOfMine = all.stream().filter(d -> d.getSQBH().equals(mine.get(0))).findFirst()
                .map(d -> Long.parseLong(d.getXH())).orElseThrow();
        assertThat(client.fetchDecisions(Long.toString(firstOfMine - 1), "2").stream().map(Bjjg::getSQBH))
                .containsExactly(mine.get(0), mine.get(1));
        assertThat(client.fetchDecisions(Integer.toString(all.size()), "10")).isEmpty();
    }

    @Test
    @DisplayName("RkxxFault BAD_REQUEST for a blank SQBH or SXBM and for a ZXXH or ZDTS that is not a number")
    void badRequestsAreFaults() {
        String id = sandbox.seed().demoPerson().identityNumber();
        int deliveries = sandbox.applications(SystemId.PUBLIC_SECURITY).deliveries();
        assertThat(faultCode(() -> client.submitApplication("", "residence-permit", id, null, null))).isEqualTo("BAD_REQUEST");
        assertThat(faultCode(() -> client.submitApplication(UUID.randomUUID().toString(), " ", id, null, null)))
                .isEqualTo("BAD_REQUEST");
        assertThat(faultCode(() -> client.fetchDecisions("abc", "10"))).isEqualTo("BAD_REQUEST");
        assertThat(faultCode(() -> client.fetchDecisions("0", "-1"))).isEqualTo("BAD_REQUEST");
        assertThat(faultCode(() -> client.fetchDecisions("", "10"))).isEqualTo("BAD_REQUEST");
        assertThat(sandbox.applications(SystemId.PUBLIC_SECURITY).deliveries()).isEqualTo(deliveries);
    }

    @Test
    @DisplayName("a raw SOAP envelope: SubmitApplicationResponse{SLBH} and FetchDecisionsResponse{BJJG{XH,SQBH,SLBH,JG,ZZBH,BJSJ}}")
    void rawEnvelopesFollowTheWireContract() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        HttpResponse<String> submitted = post(envelope("<r:SubmitApplication><r:SQBH>" + sqbh + "</r:SQBH>"
                + "<r:SXBM>residence-permit</r:SXBM><r:GMSFHM>" + sandbox.seed().demoPerson().identityNumber()
                + "</r:GMSFHM></r:SubmitApplication>"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("SubmitApplicationResponse xmlns", NS).containsPattern("<SLBH>GASL\\d+</SLBH>");
        long xh = Long.parseLong(awaitDecision(sqbh).getXH());
        HttpResponse<String> fetched = post(envelope("<r:FetchDecisions><r:ZXXH>" + (xh - 1) + "</r:ZXXH><r:ZDTS>1</r:ZDTS>"
                + "</r:FetchDecisions>"));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("FetchDecisionsResponse xmlns", "<BJJG><XH>" + xh + "</XH><SQBH>" + sqbh
                + "</SQBH><SLBH>", "</SLBH><JG>1</JG><ZZBH>JZZ", "<BJSJ>");
    }

    @Test
    @DisplayName("error rate 1: SubmitApplication gets a soap:Server fault INTERNAL_ERROR and nothing is received")
    void errorKnobFailsSubmissions() throws Exception {
        sandbox.knobs(SystemId.PUBLIC_SECURITY).errorRate(1.0);
        String sqbh = UUID.randomUUID().toString();
        HttpResponse<String> response = post(envelope("<r:SubmitApplication><r:SQBH>" + sqbh + "</r:SQBH>"
                + "<r:SXBM>residence-permit</r:SXBM><r:GMSFHM>x</r:GMSFHM></r:SubmitApplication>"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).containsPattern("<faultcode>\\w+:Server</faultcode>").contains("INTERNAL_ERROR");
        assertThat(sandbox.applications(SystemId.PUBLIC_SECURITY).receipts()).doesNotContainKey(sqbh);
    }

    private static String submit(String matter, String identityNumber) throws RkxxFault_Exception {
        String sqbh = UUID.randomUUID().toString();
        client.submitApplication(sqbh, matter, identityNumber, null, null);
        return sqbh;
    }

    private static Bjjg awaitDecision(String sqbh) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> client.fetchDecisions("0", "500").stream()
                .filter(d -> d.getSQBH().equals(sqbh)).findFirst().orElse(null), d -> d != null);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String faultCode(Call call) {
        return catchThrowableOfType(call::run, RkxxFault_Exception.class).getFaultInfo().getFAULTCODE();
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:r=\"" + NS + "\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private static HttpResponse<String> post(String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

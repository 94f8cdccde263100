package io.tongban.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.seed.Taxpayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TaxApplicationsTest {

    private static final Duration DELAY = Duration.ofMillis(50);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp.resolve("feeds"))
                .decisionDelay(DELAY).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("invoice application of a normal taxpayer: 202 <SL><SLBH>, after the delay JG 1 without reasons")
    void normalTaxpayerIsApproved() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        OffsetDateTime before = OffsetDateTime.now();
        HttpResponse<String> receipt = submit(application(sqbh, "invoice-application", sandbox.seed().demoCompany().creditCode()));
        assertThat(receipt.statusCode()).isEqualTo(202);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(receipt.body()).containsPattern("<SL><SLBH>SWSL\\d{14}</SLBH></SL>");
        String slbh = text(parse(receipt.body()).getDocumentElement(), "SLBH");

        Element decision = awaitDecision(sqbh);
        assertThat(children(decision)).containsExactly("XH", "SQBH", "SLBH", "JG", "BJSJ");
        assertThat(text(decision, "SLBH")).isEqualTo(slbh);
        assertThat(text(decision, "JG")).isEqualTo("1");
        assertThat(Duration.between(before, OffsetDateTime.parse(text(decision, "BJSJ")))).isGreaterThanOrEqualTo(DELAY);
    }

    @Test
    @DisplayName("JG 0 for an abnormal (09) or deregistered (07) taxpayer; JG 1 for an unknown one and for company establishment")
    void rulesByTaxpayerStatus() throws Exception {
        String abnormal = submitted(application(UUID.randomUUID().toString(), "invoice-application", taxpayerWithStatus("09")));
        String deregistered = submitted(application(UUID.randomUUID().toString(), "invoice-application", taxpayerWithStatus("07")));
        String unknown = submitted(application(UUID.randomUUID().toString(), "invoice-application", "91440305MA00000019"));
        String establishment = submitted(application(UUID.randomUUID().toString(), "company-establishment", "91440305MA00000019"));
        String other = submitted(application(UUID.randomUUID().toString(), "residence-permit", sandbox.seed().demoCompany().creditCode()));

        Element rejected = awaitDecision(abnormal);
        assertThat(text(rejected, "JG")).isEqualTo("0");
        assertThat(children(rejected)).containsExactly("XH", "SQBH", "SLBH", "JG", "YY", "BJSJ");
        Element reason = (Element) rejected.getElementsByTagName("YY").item(0);
        assertThat(text(reason, "DM")).isEqualTo("TAXPAYER_ABNORMAL");
        assertThat(text(reason, "SM")).isNotBlank();
        assertThat(text(reason, "YJ")).isEqualTo("《中华人民共和国税收征收管理法实施细则》");
        assertThat(text((Element) awaitDecision(deregistered).getElementsByTagName("YY").item(0), "DM"))
                .isEqualTo("TAXPAYER_DEREGISTERED");
        assertThat(text(awaitDecision(unknown), "JG")).isEqualTo("1");
        assertThat(text(awaitDecision(establishment), "JG")).isEqualTo("1");
        Element notHandled = awaitDecision(other);
        assertThat(text(notHandled, "JG")).isEqualTo("0");
        assertThat(text((Element) notHandled.getElementsByTagName("YY").item(0), "DM")).isEqualTo("MATTER_NOT_HANDLED");
    }

    @Test
    @DisplayName("the same SQBH twice: the same SLBH, one decision")
    void sameApplicationTwiceIsDecidedOnce() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        String body = application(sqbh, "invoice-application", sandbox.seed().demoCompany().creditCode());
        String first = submit(body).body();
        assertThat(submit(body).body()).isEqualTo(first);
        awaitDecision(sqbh);
        Thread.sleep(DELAY.multipliedBy(4).toMillis());
        ApplicationCounts counts = sandbox.applications(SystemId.TAX);
        assertThat(counts.receipts()).containsEntry(sqbh, 2);
        assertThat(counts.decisions()).containsEntry(sqbh, 1);
        assertThat(feed("after=0&limit=500").stream().filter(d -> text(d, "SQBH").equals(sqbh))).hasSize(1);
    }

    @Test
    @DisplayName("the feed numbers decisions without gaps; after and limit page through them; empty after and limit mean the defaults")
    void feedPages() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(submitted(application(UUID.randomUUID().toString(), "company-establishment", "91440305MA0000001" + i)));
        }
        mine.forEach(TaxApplicationsTest::awaitDecision);
        List<Element> all = feed("after=0&limit=500");
        assertThat(all.stream().map(d -> Long.parseLong(text(d, "XH"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        long firstOfMine = all.stream().filter(d -> text(d, "SQBH").equals(mine.get(0))).findFirst()
                .map(d -> Long.parseLong(text(d, "XH"))).orElseThrow();
        assertThat(feed("after=" + (firstOfMine - 1) + "&limit=2").stream().map(d -> text(d, "SQBH")))
                .containsExactly(mine.get(0), mine.get(1));
        assertThat(feed("after=&limit=")).hasSize(Math.min(all.size(), 100));
        HttpResponse<String> empty = get("/sw/bj?after=" + all.size());
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).containsPattern("<BJJGLB(/>|></BJJGLB>)$");
        HttpResponse<String> badLimit = get("/sw/bj?limit=501");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("<ERROR><CODE>BAD_REQUEST</CODE><MSG>");
    }

    @Test
    @DisplayName("malformed XML, another root, no SQBH, no SXBM: 400 with the tax error shape, nothing received")
    void badApplicationsAreRefused() throws Exception {
        int deliveries = sandbox.applications(SystemId.TAX).deliveries();
        for (String body : List.of("<SQ><SQBH>x</SQBH>", "not xml", "", "<NSRXX><SQBH>x</SQBH><SXBM>y</SXBM></NSRXX>",
                "<SQ><SXBM>invoice-application</SXBM></SQ>", "<SQ><SQBH> </SQBH><SXBM>invoice-application</SXBM></SQ>",
                "<SQ><SQBH>" + UUID.randomUUID() + "</SQBH></SQ>")) {
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).contains("<ERROR><CODE>BAD_REQUEST</CODE><MSG>");
        }
        assertThat(sandbox.applications(SystemId.TAX).deliveries()).isEqualTo(deliveries);
    }

    @Test
    @DisplayName("an application with a DOCTYPE and external entities is refused with 400, without reading the file or the URL")
    void doctypeIsRefused() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer probe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        probe.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        probe.start();
        try {
            String probeUrl = "http://127.0.0.1:" + probe.getAddress().getPort() + "/evil.dtd";
            String sqbh = UUID.randomUUID().toString();
            for (String doctype : List.of(
                    "<!DOCTYPE SQ [<!ENTITY file SYSTEM \"" + secret.toUri() + "\"><!ENTITY % remote SYSTEM \"" + probeUrl + "\"> %remote;]>",
                    "<!DOCTYPE SQ SYSTEM \"" + probeUrl + "\">",
                    "<!DOCTYPE SQ [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>")) {
                HttpResponse<String> response = submit("<?xml version=\"1.0\"?>" + doctype
                        + "<SQ><SQBH>" + sqbh + "</SQBH><SXBM>invoice-application</SXBM><NSRSBH>&file;</NSRSBH><SQRMC>x</SQRMC></SQ>");
                assertThat(response.statusCode()).as(doctype).isEqualTo(400);
                assertThat(response.body()).contains("<CODE>BAD_REQUEST</CODE>", "DOCTYPE").doesNotContain("TOP-SECRET-CONTENT");
            }
            assertThat(fetched).as("the external DTD was never fetched").hasValue(0);
            assertThat(sandbox.applications(SystemId.TAX).receipts()).doesNotContainKey(sqbh);
        } finally {
            probe.stop(0);
        }
    }

    @Test
    @DisplayName("error rate 1: POST /sw/sq answers 500 INTERNAL_ERROR and the application is not received")
    void errorKnobFailsSubmissions() throws Exception {
        sandbox.knobs(SystemId.TAX).errorRate(1.0);
        try {
            String sqbh = UUID.randomUUID().toString();
            HttpResponse<String> response = submit(application(sqbh, "invoice-application", "91440305MA00000019"));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("<CODE>INTERNAL_ERROR</CODE>");
            assertThat(sandbox.applications(SystemId.TAX).receipts()).doesNotContainKey(sqbh);
        } finally {
            sandbox.resetKnobs();
        }
    }

    private static String taxpayerWithStatus(String status) {
        return sandbox.seed().taxpayers().stream().filter(t -> t.status().equals(status)).findFirst()
                .map(Taxpayer::taxpayerId).orElseThrow();
    }

    private static String application(String sqbh, String matter, String taxpayerId) {
        return "<SQ><SQBH>" + sqbh + "</SQBH><SXBM>" + matter + "</SXBM><NSRSBH>" + taxpayerId
                + "</NSRSBH><SQRMC>测试申请人</SQRMC></SQ>";
    }

    private static String submitted(String application) throws Exception {
        assertThat(submit(application).statusCode()).isEqualTo(202);
        return text(parse(application).getDocumentElement(), "SQBH");
    }

    private static HttpResponse<String> submit(String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.taxUrl() + "/sw/sq"))
                .header("Content-Type", "application/xml;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(xml))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Element awaitDecision(String sqbh) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> feed("after=0&limit=500").stream()
                .filter(d -> text(d, "SQBH").equals(sqbh)).findFirst().orElse(null), d -> d != null);
    }

    private static List<Element> feed(String query) throws Exception {
        HttpResponse<String> response = get("/sw/bj?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        Element root = parse(response.body()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("BJJGLB");
        List<Element> decisions = new ArrayList<>();
        NodeList records = root.getElementsByTagName("BJJG");
        for (int i = 0; i < records.getLength(); i++) {
            decisions.add((Element) records.item(i));
        }
        return decisions;
    }

    private static List<String> children(Element element) {
        List<String> names = new ArrayList<>();
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names.stream().distinct().toList();
    }

    private static String text(Element element, String child) {
        return element.getElementsByTagName(child).item(0).getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.taxUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

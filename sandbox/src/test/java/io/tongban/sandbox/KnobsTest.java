package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.publicsecurity.generated.Rkxx;
import io.tongban.sandbox.publicsecurity.generated.RkxxService;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.xml.ws.BindingProvider;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnobsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static ActiveMQConnectionFactory factory;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).build());
        factory = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
        connection = factory.createConnection();
        connection.start();
    }

    @AfterEach
    void resetKnobs() {
        sandbox.resetKnobs();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        factory.close();
        sandbox.close();
    }

    @Test
    @DisplayName("market supervision and tax down: connection refused; up again: answering on the same port")
    void restSystemsDownRefuseConnections() throws Exception {
        String market = sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + sandbox.seed().demoCompany().creditCode();
        String tax = sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + sandbox.seed().demoCompany().creditCode();
        sandbox.knobs(SystemId.MARKET_SUPERVISION).down(true);
        sandbox.knobs(SystemId.TAX).down(true);
        assertThatThrownBy(() -> get(market)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> get(tax)).isInstanceOf(ConnectException.class);
        sandbox.knobs(SystemId.MARKET_SUPERVISION).down(false);
        sandbox.knobs(SystemId.TAX).down(false);
        assertThat(get(market).statusCode()).isEqualTo(200);
        assertThat(get(tax).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("public security down: the SOAP port refuses connections; up again: a CXF client is answered")
    void publicSecurityDownRefusesConnections() throws Exception {
        sandbox.knobs(SystemId.PUBLIC_SECURITY).down(true);
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        sandbox.knobs(SystemId.PUBLIC_SECURITY).down(false);
        String demo = sandbox.seed().demoPerson().identityNumber();
        assertThat(soapClient().queryPerson(demo).getGMSFHM()).isEqualTo(demo);
    }

    @Test
    @DisplayName("social security down: requests stay unanswered (the sender times out); up again: answered")
    void socialSecurityDownLeavesRequestsUnanswered() throws Exception {
        String request = "{\"sfzhm\":\"" + sandbox.seed().demoPerson().identityNumber() + "\"}";
        sandbox.knobs(SystemId.SOCIAL_SECURITY).down(true);
        assertThat(ask(request, 1_000)).as("no reply while down").isNull();
        sandbox.knobs(SystemId.SOCIAL_SECURITY).down(false);
        assertThat(ask(request, 10_000)).isNotNull();
    }

    @Test
    @DisplayName("latency 300 ms on tax: the answer takes at least 300 ms")
    void latencyDelaysAnswers() throws Exception {
        sandbox.knobs(SystemId.TAX).latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + sandbox.seed().demoCompany().creditCode()).statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("error rate 1: HTTP 500 INTERNAL_ERROR (JSON and XML), a SOAP server fault, a JMS ERROR reply")
    void errorRateOneFailsEveryRequest() throws Exception {
        for (SystemId id : SystemId.values()) {
            sandbox.knobs(id).errorRate(1.0);
        }
        HttpResponse<String> market = get(sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + sandbox.seed().demoCompany().creditCode());
        assertThat(market.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(market.body()).path("code").asText()).isEqualTo("INTERNAL_ERROR");
        HttpResponse<String> tax = get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + sandbox.seed().demoCompany().creditCode());
        assertThat(tax.statusCode()).isEqualTo(500);
        assertThat(tax.body()).contains("<CODE>INTERNAL_ERROR</CODE>");
        HttpResponse<String> soap = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><r:QueryPerson xmlns:r=\"http://ga.sandbox.tongban.io/rkxx\"><r:GMSFHM>"
                        + sandbox.seed().demoPerson().identityNumber() + "</r:GMSFHM></r:QueryPerson></soap:Body></soap:Envelope>"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(soap.statusCode()).isEqualTo(500);
        assertThat(soap.body()).containsPattern("<faultcode>\\w+:Server</faultcode>").contains("INTERNAL_ERROR")
                .doesNotContain("RkxxFault");
        Message reply = ask("{\"sfzhm\":\"" + sandbox.seed().demoPerson().identityNumber() + "\"}", 10_000);
        assertThat(reply.getStringProperty("RESULT")).isEqualTo("ERROR");
        assertThat(JSON.readTree(((TextMessage) reply).getText()).path("code").asText()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    @DisplayName("error rate 0.5 fails some requests and answers others")
    void errorRateHalfFailsSome() throws Exception {
        sandbox.knobs(SystemId.MARKET_SUPERVISION).errorRate(0.5);
        String url = sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + sandbox.seed().demoCompany().creditCode();
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            failures += get(url).statusCode() == 500 ? 1 : 0;
        }
        assertThat(failures).isBetween(5, 35);
    }

    @Test
    @DisplayName("admin API: GET /knobs lists all four systems; PUT /knobs/tax switches tax down and up")
    void adminApiTurnsKnobs() throws Exception {
        JsonNode all = JSON.readTree(get(sandbox.adminUrl() + "/knobs").body());
        assertThat(all.fieldNames()).toIterable()
                .containsExactly("PUBLIC_SECURITY", "MARKET_SUPERVISION", "TAX", "SOCIAL_SECURITY");
        HttpResponse<String> put = put(sandbox.adminUrl() + "/knobs/tax", "{\"down\":true,\"latencyMs\":5}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).path("down").asBoolean()).isTrue();
        assertThat(sandbox.knobs(SystemId.TAX).settings().latencyMs()).isEqualTo(5);
        assertThatThrownBy(() -> get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=x")).isInstanceOf(ConnectException.class);
        assertThat(put(sandbox.adminUrl() + "/knobs/TAX", "{\"down\":false}").statusCode()).isEqualTo(200);
        assertThat(get(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + sandbox.seed().demoCompany().creditCode()).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("admin API refuses an error rate above 1 (400 sandbox.invalid_knob) and an unknown system (404)")
    void adminApiRefusesBadKnobs() throws Exception {
        HttpResponse<String> invalid = put(sandbox.adminUrl() + "/knobs/market-supervision", "{\"errorRate\":2}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("code").asText()).isEqualTo("sandbox.invalid_knob");
        assertThat(sandbox.knobs(SystemId.MARKET_SUPERVISION).settings().errorRate()).isZero();
        HttpResponse<String> unknown = put(sandbox.adminUrl() + "/knobs/weather", "{\"down\":true}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("sandbox.unknown_system");
    }

    private static Rkxx soapClient() {
        Rkxx client = new RkxxService().getRkxxPort();
        ((BindingProvider) client).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sandbox.publicSecurityAddress());
        return client;
    }

    private static Message ask(String body, long timeoutMs) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(body);
            request.setJMSReplyTo(replyQueue);
            request.setJMSCorrelationID("knobs");
            // Requests left behind while the system is down must not be answered long after the test.
            session.createProducer(session.createQueue("RS.CBXX.REQ")).send(request, jakarta.jms.DeliveryMode.NON_PERSISTENT,
                    4, 2_000);
            return session.createConsumer(replyQueue).receive(timeoutMs);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.tongban.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.tongban.sandbox.publicsecurity.generated.Rkxx;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault_Exception;
import io.tongban.sandbox.publicsecurity.generated.RkxxService;
import io.tongban.sandbox.publicsecurity.generated.Rkxx_Type;
import io.tongban.sandbox.seed.Person;
import jakarta.xml.ws.BindingProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PublicSecuritySoapTest {

    private static final String NS = "http://ga.sandbox.tongban.io/rkxx";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static Rkxx client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp.resolve("feeds")).build());
        client = new RkxxService().getRkxxPort();
        ((BindingProvider) client).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sandbox.publicSecurityAddress());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("QueryPerson through a CXF client returns the demo person's RKXX record")
    void queryPersonReturnsTheRecord() throws Exception {
        Person demo = sandbox.seed().demoPerson();
        Rkxx_Type rkxx = client.queryPerson(demo.identityNumber());
        assertThat(rkxx.getGMSFHM()).isEqualTo(demo.identityNumber());
        assertThat(rkxx.getXM()).isEqualTo(demo.name());
        assertThat(rkxx.getXBDM()).isEqualTo(demo.genderCode());
        assertThat(rkxx.getCSRQ()).isEqualTo(demo.identityNumber().substring(6, 14));
        assertThat(rkxx.getHJDZ()).isEqualTo(demo.address());
        assertThat(rkxx.getHJDZXZQH()).isEqualTo(demo.addressDivision());
        assertThat(rkxx.getRYZT()).isEqualTo("0");
    }

    @Test
    @DisplayName("QueryPerson of the deceased-but-paying case answers RYZT 1")
    void deceasedPersonHasStatusOne() throws Exception {
        assertThat(client.queryPerson(sandbox.seed().cases().deceasedButPaying()).getRYZT()).isEqualTo("1");
    }

    @Test
    @DisplayName("VerifyIdentity answers 1 for the right name, 0 for a wrong name and 0 for an unknown valid number")
    void verifyIdentityAnswersOnlyConsistency() throws Exception {
        Person demo = sandbox.seed().demoPerson();
        assertThat(client.verifyIdentity(demo.identityNumber(), demo.name())).isEqualTo("1");
        assertThat(client.verifyIdentity(demo.identityNumber(), demo.name() + "某")).isEqualTo("0");
        assertThat(client.verifyIdentity("11010519491231002X", demo.name())).isEqualTo("0");
    }

    @Test
    @DisplayName("QueryPerson of a valid but unknown number raises RkxxFault NOT_FOUND")
    void unknownNumberIsNotFound() {
        RkxxFault_Exception fault = catchThrowableOfType(() -> client.queryPerson("11010519491231002X"),
                RkxxFault_Exception.class);
        assertThat(fault.getFaultInfo().getFAULTCODE()).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("QueryPerson and VerifyIdentity with an empty or badly checked number raise RkxxFault BAD_REQUEST")
    void malformedNumberIsBadRequest() {
        assertThat(catchThrowableOfType(() -> client.queryPerson(""), RkxxFault_Exception.class)
                .getFaultInfo().getFAULTCODE()).isEqualTo("BAD_REQUEST");
        assertThat(catchThrowableOfType(() -> client.queryPerson("110105194912310021"), RkxxFault_Exception.class)
                .getFaultInfo().getFAULTCODE()).isEqualTo("BAD_REQUEST");
        assertThat(catchThrowableOfType(() -> client.verifyIdentity("12345", "张三"), RkxxFault_Exception.class)
                .getFaultInfo().getFAULTCODE()).isEqualTo("BAD_REQUEST");
    }

    @Test
    @DisplayName("a raw SOAP 1.1 envelope gets the wrapped doc/literal answer in the rkxx namespace")
    void rawEnvelopeFollowsTheWireContract() throws Exception {
        Person demo = sandbox.seed().demoPerson();
        HttpResponse<String> response = post("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + envelope("<r:QueryPerson><r:GMSFHM>" + demo.identityNumber() + "</r:GMSFHM></r:QueryPerson>"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("QueryPersonResponse xmlns", NS, "<RKXX>", "<HJDZ_XZQH>",
                "<XM>" + demo.name() + "</XM>");
    }

    @Test
    @DisplayName("the WSDL is published at ?wsdl with the actual address")
    void wsdlIsPublished() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress() + "?wsdl"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("RkxxService", "RkxxFault", sandbox.publicSecurityAddress());
    }

    @Test
    @DisplayName("schema validation refuses a QueryPerson without GMSFHM with a SOAP fault")
    void schemaValidationIsOn() throws Exception {
        HttpResponse<String> response = post(envelope("<r:QueryPerson/>"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").doesNotContain("RKXX>");
    }

    @Test
    @DisplayName("a hostile request with a DOCTYPE and external entities is refused without reading the file or the URL")
    void externalEntitiesAreRefused() throws Exception {
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
            String hostile = "<?xml version=\"1.0\"?>"
                    + "<!DOCTYPE e [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                    + "<!ENTITY % remote SYSTEM \"" + probeUrl + "\"> %remote;]>"
                    + envelope("<r:QueryPerson><r:GMSFHM>&file;</r:GMSFHM></r:QueryPerson>");
            HttpResponse<String> response = post(hostile);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("Fault").doesNotContain("TOP-SECRET-CONTENT");
            assertThat(fetched).as("the external DTD was never fetched").hasValue(0);
        } finally {
            probe.stop(0);
        }
    }

    @Test
    @DisplayName("DEBUG logs of lookups show identity numbers masked (first 6 + last 2), never in clear")
    void logsMaskIdentityNumbers() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.tongban.sandbox");
        ch.qos.logback.classic.Level previous = logger.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String id = sandbox.seed().demoPerson().identityNumber();
            client.queryPerson(id);
            catchThrowableOfType(() -> client.queryPerson("11010519491231002X"), RkxxFault_Exception.class);
            assertThat(captured.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains(id.substring(0, 6) + "**********" + id.substring(16)))
                    .noneMatch(m -> m.contains(id) || m.contains("11010519491231002X"));
        } finally {
            logger.setLevel(previous);
            logger.detachAppender(captured);
        }
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:r=\"" + NS + "\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private static HttpResponse<String> post(String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

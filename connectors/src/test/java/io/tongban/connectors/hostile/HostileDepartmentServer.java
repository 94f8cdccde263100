package io.tongban.connectors.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of a compromised or misconfigured department: it answers public security's QueryPerson (SOAP) and
 * tax's taxpayer query (REST/XML) with otherwise valid records whose XML carries a DOCTYPE declaring an external
 * entity that points at a local file. The sandbox never answers like this, hence a double. With
 * {@link #declareExternalEntity(boolean) declareExternalEntity(false)} it serves the same records plainly, which
 * shows that the connectors accept them when nothing hostile is in them. It can also fail the next few requests
 * with HTTP 500 before answering, which the sandbox's random error knob cannot do on cue.
 */
final class HostileDepartmentServer implements AutoCloseable {

    static final String PERSON_ADDRESS = "广东省深圳市福田区福华一路1号";
    static final String TAX_OFFICE = "国家税务总局深圳市福田区税务局";

    private final HttpServer server;
    private final Path secretFile;
    private final String personId;
    private final String companyCode;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private volatile boolean hostile = true;

    HostileDepartmentServer(Path secretFile, String personId, String companyCode) {
        this.secretFile = secretFile;
        this.personId = personId;
        this.companyCode = companyCode;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ga/rkxx", exchange -> answer(exchange, "text/xml;charset=UTF-8", queryPersonResponse()));
        server.createContext("/sw/nsr", exchange -> answer(exchange, "application/xml;charset=UTF-8", nsrxx()));
        server.start();
    }

    String publicSecurityAddress() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ga/rkxx";
    }

    String taxUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the answers declare the external entity and use it in place of one field's value. */
    void declareExternalEntity(boolean declare) {
        hostile = declare;
    }

    /** The next {@code count} requests are answered with HTTP 500 and an empty body. */
    void failNext(int count) {
        failuresToAnswer.set(count);
    }

    int requests() {
        return requests.get();
    }

    private String doctype(String root) {
        return hostile ? "<!DOCTYPE " + root + " [<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">]>" : "";
    }

    private String valueOrEntity(String value) {
        return hostile ? "&secret;" : value;
    }

    private String queryPersonResponse() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype("soap:Envelope")
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<QueryPersonResponse xmlns=\"http://ga.sandbox.tongban.io/rkxx\"><RKXX>"
                + "<GMSFHM>" + personId + "</GMSFHM><XM>张三</XM><XBDM>2</XBDM><MZDM>01</MZDM>"
                + "<CSRQ>" + personId.substring(6, 14) + "</CSRQ>"
                + "<HJDZ>" + valueOrEntity(PERSON_ADDRESS) + "</HJDZ>"
                + "<HJDZ_XZQH>" + personId.substring(0, 6) + "</HJDZ_XZQH><RYZT>0</RYZT>"
                + "</RKXX></QueryPersonResponse></soap:Body></soap:Envelope>";
    }

    private String nsrxx() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype("NSRXX")
                + "<NSRXX><NSRSBH>" + companyCode + "</NSRSBH><NSRMC>深圳市某某科技有限公司</NSRMC>"
                + "<NSRZT>03</NSRZT><NSRXYDJ>A</NSRXYDJ><QSBZ>N</QSBZ><DJRQ>2020/01/02</DJRQ>"
                + "<ZGSWJG>" + valueOrEntity(TAX_OFFICE) + "</ZGSWJG></NSRXX>";
    }

    private void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (failuresToAnswer.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

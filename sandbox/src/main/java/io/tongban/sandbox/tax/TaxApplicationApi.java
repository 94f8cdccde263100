package io.tongban.sandbox.tax;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.applications.Decision;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.FeedPage;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.SystemKnobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.util.List;

/**
 * POST /sw/sq takes an application as XML and answers 202 {@code <SL><SLBH/></SL>};
 * GET /sw/bj?after=&limit= lists the decisions taken after a sequence number as {@code <BJJGLB>}.
 */
final class TaxApplicationApi implements HttpHandler {

    static final String APPLICATIONS = "/sw/sq";
    static final String DECISIONS = "/sw/bj";
    private static final Logger LOG = LoggerFactory.getLogger(TaxApplicationApi.class);

    private final DecisionDesk desk;
    private final SystemKnobs knobs;

    TaxApplicationApi(DecisionDesk desk, SystemKnobs knobs) {
        this.desk = desk;
        this.knobs = knobs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                knobs.delay();
                if (knobs.shouldFail()) {
                    TaxXml.error(exchange, 500, "INTERNAL_ERROR", "simulated failure of the tax system");
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                if (path.equals(APPLICATIONS) && method.equals("POST")) {
                    String receipt = desk.receive(TaxXml.application(exchange.getRequestBody()));
                    Responses.send(exchange, 202, Responses.XML, TaxXml.document(xml -> {
                        xml.writeStartElement("SL");
                        TaxXml.element(xml, "SLBH", receipt);
                        xml.writeEndElement();
                    }));
                } else if (path.equals(DECISIONS) && method.equals("GET")) {
                    FeedPage page = FeedPage.of(Responses.queryParameters(exchange));
                    Responses.send(exchange, 200, Responses.XML, feed(desk.after(page.after(), page.limit())));
                } else {
                    // As the lookup answers: the tax system does not tell a wrong method from a wrong path.
                    TaxXml.error(exchange, 404, "NOT_FOUND", "no such resource");
                }
            } catch (IllegalArgumentException e) {
                TaxXml.error(exchange, 400, "BAD_REQUEST", e.getMessage());
            } catch (RuntimeException | XMLStreamException e) {
                LOG.warn("Tax application request failed", e);
                TaxXml.error(exchange, 500, "INTERNAL_ERROR", "unexpected error");
            }
        }
    }

    private static byte[] feed(List<Decision> decisions) throws XMLStreamException {
        return TaxXml.document(xml -> {
            xml.writeStartElement("BJJGLB");
            for (Decision d : decisions) {
                xml.writeStartElement("BJJG");
                TaxXml.element(xml, "XH", Long.toString(d.sequence()));
                TaxXml.element(xml, "SQBH", d.application().number());
                TaxXml.element(xml, "SLBH", d.receipt());
                TaxXml.element(xml, "JG", d.approved() ? "1" : "0");
                for (Decision.Reason reason : d.reasons()) {
                    xml.writeStartElement("YY");
                    TaxXml.element(xml, "DM", reason.code());
                    TaxXml.element(xml, "SM", reason.text());
                    TaxXml.element(xml, "YJ", reason.legalBasis());
                    xml.writeEndElement();
                }
                TaxXml.element(xml, "BJSJ", d.decidedAt().toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }
}

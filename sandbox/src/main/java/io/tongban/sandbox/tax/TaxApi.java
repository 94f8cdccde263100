package io.tongban.sandbox.tax;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Taxpayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** GET /sw/nsr?nsrsbh=...: the taxpayer registration as XML. */
final class TaxApi implements HttpHandler {

    static final String PATH = "/sw/nsr";
    private static final Logger LOG = LoggerFactory.getLogger(TaxApi.class);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final Map<String, Taxpayer> taxpayers;
    private final SystemKnobs knobs;

    TaxApi(Map<String, Taxpayer> taxpayers, SystemKnobs knobs) {
        this.taxpayers = taxpayers;
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
                if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
                    TaxXml.error(exchange, 404, "NOT_FOUND", "no such resource");
                    return;
                }
                String id = Responses.queryParameters(exchange).getOrDefault("nsrsbh", "").trim();
                if (id.isEmpty()) {
                    TaxXml.error(exchange, 400, "BAD_REQUEST", "parameter nsrsbh is required");
                    return;
                }
                if (!id.matches("[0-9A-Z]{15,20}")) {
                    TaxXml.error(exchange, 400, "BAD_REQUEST", "nsrsbh must be 15 to 20 characters of 0-9 and A-Z");
                    return;
                }
                Taxpayer taxpayer = taxpayers.get(id);
                if (taxpayer == null) {
                    TaxXml.error(exchange, 404, "NOT_FOUND", "no taxpayer registered under this nsrsbh");
                    return;
                }
                Responses.send(exchange, 200, Responses.XML, toXml(taxpayer));
            } catch (IllegalArgumentException e) {
                TaxXml.error(exchange, 400, "BAD_REQUEST", "malformed query string");
            } catch (RuntimeException | XMLStreamException e) {
                LOG.warn("Tax lookup failed", e);
                TaxXml.error(exchange, 500, "INTERNAL_ERROR", "unexpected error");
            }
        }
    }

    private static byte[] toXml(Taxpayer t) throws XMLStreamException {
        return TaxXml.document(xml -> {
            xml.writeStartElement("NSRXX");
            TaxXml.element(xml, "NSRSBH", t.taxpayerId());
            TaxXml.element(xml, "NSRMC", t.name());
            TaxXml.element(xml, "NSRZT", t.status());
            TaxXml.element(xml, "NSRXYDJ", t.creditGrade());
            TaxXml.element(xml, "QSBZ", t.arrears());
            TaxXml.element(xml, "DJRQ", t.registeredOn().format(SLASHED));
            TaxXml.element(xml, "ZGSWJG", t.taxOffice());
            xml.writeEndElement();
        });
    }
}

package io.tongban.sandbox.tax;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Taxpayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** GET /sw/nsr?nsrsbh=...: the taxpayer registration as XML. */
final class TaxApi implements HttpHandler {

    static final String PATH = "/sw/nsr";
    private static final Logger LOG = LoggerFactory.getLogger(TaxApi.class);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

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
                    error(exchange, 500, "INTERNAL_ERROR", "simulated failure of the tax system");
                    return;
                }
                if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
                    error(exchange, 404, "NOT_FOUND", "no such resource");
                    return;
                }
                String id = Responses.queryParameters(exchange).getOrDefault("nsrsbh", "").trim();
                if (id.isEmpty()) {
                    error(exchange, 400, "BAD_REQUEST", "parameter nsrsbh is required");
                    return;
                }
                if (!id.matches("[0-9A-Z]{15,20}")) {
                    error(exchange, 400, "BAD_REQUEST", "nsrsbh must be 15 to 20 characters of 0-9 and A-Z");
                    return;
                }
                Taxpayer taxpayer = taxpayers.get(id);
                if (taxpayer == null) {
                    error(exchange, 404, "NOT_FOUND", "no taxpayer registered under this nsrsbh");
                    return;
                }
                Responses.send(exchange, 200, Responses.XML, toXml(taxpayer));
            } catch (IllegalArgumentException e) {
                error(exchange, 400, "BAD_REQUEST", "malformed query string");
            } catch (RuntimeException | XMLStreamException e) {
                LOG.warn("Tax lookup failed", e);
                error(exchange, 500, "INTERNAL_ERROR", "unexpected error");
            }
        }
    }

    private static byte[] toXml(Taxpayer t) throws XMLStreamException {
        return document(xml -> {
            xml.writeStartElement("NSRXX");
            element(xml, "NSRSBH", t.taxpayerId());
            element(xml, "NSRMC", t.name());
            element(xml, "NSRZT", t.status());
            element(xml, "NSRXYDJ", t.creditGrade());
            element(xml, "QSBZ", t.arrears());
            element(xml, "DJRQ", t.registeredOn().format(SLASHED));
            element(xml, "ZGSWJG", t.taxOffice());
            xml.writeEndElement();
        });
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        try {
            Responses.send(exchange, status, Responses.XML, document(xml -> {
                xml.writeStartElement("ERROR");
                element(xml, "CODE", code);
                element(xml, "MSG", message);
                xml.writeEndElement();
            }));
        } catch (XMLStreamException e) {
            throw new IOException("sandbox.xml_failed", e);
        }
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] document(XmlBody body) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        body.write(xml);
        xml.writeEndDocument();
        xml.close();
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}

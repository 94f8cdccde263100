package io.tongban.sandbox.tax;

import com.sun.net.httpserver.HttpExchange;
import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.http.Responses;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** The tax system's XML: documents written with StAX, applications read with any DOCTYPE refused. */
final class TaxXml {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = hardenedInput();

    private TaxXml() {
    }

    /**
     * No DTD processing, no external entities, and a resolver that fails should anything still ask for one;
     * {@link #application} refuses the DOCTYPE itself besides, so nothing declared in one is ever used.
     */
    private static XMLInputFactory hardenedInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are refused");
        });
        return factory;
    }

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static byte[] document(Body body) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        body.write(xml);
        xml.writeEndDocument();
        xml.close();
        return bytes.toByteArray();
    }

    static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** {@code <ERROR><CODE/><MSG/></ERROR>}, the tax system's only error shape. */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
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

    /**
     * Reads {@code <SQ><SQBH/><SXBM/><NSRSBH/><SQRMC/></SQ>}; the first of a repeated field counts.
     *
     * @throws IllegalArgumentException for a DOCTYPE, XML that is not well-formed, another root, or no SQBH/SXBM
     */
    static Application application(InputStream body) {
        Map<String, String> fields = new HashMap<>();
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(body);
            try {
                boolean inRoot = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new IllegalArgumentException("a DOCTYPE is not accepted");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && inRoot) {
                        fields.putIfAbsent(xml.getLocalName(), xml.getElementText());
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        if (!xml.getLocalName().equals("SQ")) {
                            throw new IllegalArgumentException("the root element must be SQ");
                        }
                        inRoot = true;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("body is not well-formed XML");
        }
        return new Application(fields.get("SQBH"), fields.get("SXBM"),
                Map.of("NSRSBH", fields.getOrDefault("NSRSBH", ""), "SQRMC", fields.getOrDefault("SQRMC", "")));
    }
}

package io.tongban.connectors.kit;

import com.sun.net.httpserver.HttpExchange;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.described.SoapDescription;
import io.tongban.connectors.described.WsdlContract;
import io.tongban.mappings.SubjectType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Test double of a described SOAP department, built from its folder alone (description, WSDL, fixtures): it answers
 * SOAP 1.1 at {@link #url()} for each described operation, with the record of the person spec's first fixture that
 * maps without error under that fixture's identity number, and a fault carrying the described not-found code for
 * anyone else; an identity check is consistent for that person and name only; an application is taken with a
 * receipt number; the decision feed serves the decisions taken on cue. Misbehaving on cue, it refuses connections,
 * answers a server fault, answers late, answers garbage, serves the unknown-code fixture, or answers with a DOCTYPE
 * declaring an external entity.
 */
public final class DescribedSoapStandIn extends DescribedStandIn {

    private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final DocumentBuilderFactory DOM = DocumentBuilderFactory.newInstance();

    static {
        DOM.setNamespaceAware(true);
        try {
            DOM.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private final SoapDescription soap;
    private final WsdlContract wsdl;

    private DescribedSoapStandIn(DepartmentFolder folder, SoapDescription soap) {
        super(folder, soap.personLookup() == null && soap.identityCheck() == null ? List.of()
                : List.of(SubjectType.PERSON));
        this.soap = soap;
        this.wsdl = WsdlContract.read(soap.wsdl());
    }

    /** Starts the stand-in of a described SOAP department on a free loopback port. */
    public static DescribedSoapStandIn of(String source) {
        DepartmentFolder folder = DepartmentFolder.of(source);
        return new DescribedSoapStandIn(folder, SoapDescription.read(folder.description()));
    }

    /** The service's address, for {@code bus.connectors.<source>.url}. */
    public String url() {
        return baseUrl() + "/" + folder.source();
    }

    @Override
    void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        if (behaviour == Behaviour.GARBAGE) {
            send(exchange, 200, GARBAGE.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Element call = call(request);
        if (behaviour == Behaviour.SERVER_ERROR) {
            // as careless departments do: the fault's text quotes the request, the subject's identifier with it
            send(exchange, 500, fault("Server", null, "internal error serving " + children(call).values()));
            return;
        }
        String operation = call.getLocalName();
        Map<String, String> values = children(call);
        if (soap.personLookup() != null && is(operation, soap.personLookup().operation())) {
            lookUp(exchange, behaviour, values);
        } else if (soap.identityCheck() != null && is(operation, soap.identityCheck().operation())) {
            SoapDescription.IdentityCheck check = soap.identityCheck();
            HeldSubject person = held(SubjectType.PERSON);
            boolean consistent = person.id().equals(value(check.request(), values, "id"))
                    && String.valueOf(person.fields().get("name")).equals(value(check.request(), values, "name"));
            String inconsistent = check.consistent().equals("0") ? "1" : "0";
            answer(exchange, check.operation(), Map.of(check.answer(), consistent ? check.consistent() : inconsistent));
        } else if (soap.delivery() != null && is(operation, soap.delivery().operation())) {
            answer(exchange, soap.delivery().operation(), Map.of(soap.delivery().receipt(), takeDelivery()));
        } else if (soap.decisions() != null && is(operation, soap.decisions().operation())) {
            answer(exchange, soap.decisions().operation(),
                    Map.of(soap.decisions().list(), decisionsAfter(value(soap.decisions().request(), values, "after"))));
        } else {
            send(exchange, 500, fault("Client", null, "no such operation"));
        }
    }

    private void lookUp(HttpExchange exchange, Behaviour behaviour, Map<String, String> values) throws IOException {
        SoapDescription.Lookup lookup = soap.personLookup();
        if (!held(SubjectType.PERSON).id().equals(value(lookup.request(), values, "id"))) {
            send(exchange, 500, fault("Client", soap.notFound(), "no such person"));
            return;
        }
        Map<String, Object> record = record(SubjectType.PERSON, behaviour);
        String body = response(lookup.operation(), Map.of(lookup.record(), record));
        if (behaviour == Behaviour.EXTERNAL_ENTITY) {
            String first = record.keySet().stream().filter(key -> record.get(key) instanceof String).findFirst().orElseThrow();
            String field = prefix() + first;
            body = "<!DOCTYPE Envelope [<!ENTITY secret SYSTEM \"" + externalEntity() + "\">]>"
                    + body.replace("<" + field + ">" + escape(record.get(first).toString()) + "<", "<" + field + ">&secret;<");
        }
        send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    DecisionDialect dialect() {
        return soap.decisions().dialect();
    }

    private boolean is(String element, String operation) {
        return wsdl.requestElement(operation).getLocalPart().equals(element);
    }

    /** What the request's child described as taking {@code value} holds. */
    private static String value(Map<String, String> described, Map<String, String> values, String value) {
        return described.entrySet().stream().filter(entry -> entry.getValue().equals(value))
                .map(entry -> values.get(entry.getKey())).findFirst().orElse(null);
    }

    private void answer(HttpExchange exchange, String operation, Map<String, Object> children) throws IOException {
        send(exchange, 200, response(operation, children).getBytes(StandardCharsets.UTF_8));
    }

    private String response(String operation, Map<String, Object> children) {
        QName element = wsdl.responseElement(operation);
        StringBuilder xml = new StringBuilder("<s:Envelope xmlns:s=\"" + ENVELOPE_NS + "\"><s:Body>")
                .append("<t:").append(element.getLocalPart()).append(" xmlns:t=\"").append(element.getNamespaceURI())
                .append("\">");
        children.forEach((child, value) -> element(xml, prefix(), child, value));
        return xml.append("</t:").append(element.getLocalPart()).append("></s:Body></s:Envelope>").toString();
    }

    /** A SOAP 1.1 fault, its detail carrying the department's fault code when there is one. */
    private byte[] fault(String faultCode, String departmentCode, String text) {
        String detail = departmentCode == null ? "" : "<detail><t:Fault xmlns:t=\"" + wsdl.namespace() + "\"><" + prefix()
                + soap.faultCode() + ">" + departmentCode + "</" + prefix() + soap.faultCode() + "></t:Fault></detail>";
        return ("<s:Envelope xmlns:s=\"" + ENVELOPE_NS + "\"><s:Body><s:Fault><faultcode>s:" + faultCode
                + "</faultcode><faultstring>" + escape(text) + "</faultstring>" + detail + "</s:Fault></s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The prefix of the answer's child elements: the target namespace's when its schema qualifies them. */
    private String prefix() {
        return wsdl.qualifiesChildren(wsdl.namespace()) ? "t:" : "";
    }

    private static Element call(byte[] request) throws IOException {
        try {
            Element envelope = DOM.newDocumentBuilder().parse(new ByteArrayInputStream(request)).getDocumentElement();
            Element body = firstElement(envelope, "Body");
            Element call = body == null ? null : firstElement(body, null);
            if (call == null) {
                throw new IOException("not a SOAP request");
            }
            return call;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a SOAP request", e);
        }
    }

    private static Element firstElement(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                return element;
            }
        }
        return null;
    }

    private static Map<String, String> children(Element call) {
        Map<String, String> children = new HashMap<>();
        for (Node child = call.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.put(element.getLocalName(), element.getTextContent());
            }
        }
        return children;
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, "text/xml;charset=UTF-8", body);
    }
}

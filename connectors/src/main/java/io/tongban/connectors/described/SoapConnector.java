package io.tongban.connectors.described;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentException;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The connector of a department whose system speaks SOAP, run from its description and WSDL alone (written once for
 * every such department): CXF calls the described operation in PAYLOAD mode with the request element built from the
 * description, and the answer's elements are read as the department's record and mapped with its spec. A fault whose
 * detail carries the described not-found code is the answer "not found"; any other fault is the department's failure,
 * retried and counted by the breaker like any other.
 * Breaker, retries and timeouts come from {@link DepartmentRouteBuilder}, the digest over the bytes received from
 * {@link SoapResponseDigest}.
 */
public class SoapConnector extends DepartmentRouteBuilder {

    private static final DocumentBuilderFactory DOM = DocumentBuilderFactory.newInstance();

    static {
        DOM.setNamespaceAware(true);
    }

    private final ConnectorDescription description;
    private final SoapDescription soap;
    private final WsdlContract wsdl;
    private final Map<SubjectType, MappingEngine> specs = new EnumMap<>(SubjectType.class);

    public SoapConnector(ConnectorDescription description) {
        super(description.source());
        this.description = description;
        this.soap = SoapDescription.read(description);
        this.wsdl = WsdlContract.read(soap.wsdl());
        description.specs().forEach((type, spec) -> specs.put(type, MappingEngine.fromClasspath(spec)));
    }

    /** The descriptor of a described SOAP department: its endpoints are named after its source. */
    public static ConnectorDescriptor descriptor(ConnectorDescription description) {
        Map<Capability, String> endpoints = new EnumMap<>(Capability.class);
        for (Capability capability : description.capabilities()) {
            endpoints.put(capability, DescribedEndpoints.direct(description.source(), capability));
        }
        return description.descriptor(endpoints);
    }

    /** The name of the CXF endpoint bean calling the department's service. */
    public static String serviceBean(String source) {
        return source + "-soap-service";
    }

    @Override
    public void configure() {
        if (soap.personLookup() != null) {
            lookup(soap.personLookup());
        }
        if (soap.identityCheck() != null) {
            identityCheck(soap.identityCheck());
        }
        if (soap.delivery() != null) {
            delivery(soap.delivery());
        }
        if (soap.decisions() != null) {
            decisions(soap.decisions());
        }
    }

    private void lookup(SoapDescription.Lookup lookup) {
        String fetch = "direct:" + source() + ".person.fetch";
        guardedLookup(DescribedEndpoints.direct(source(), Capability.PERSON_LOOKUP), SubjectType.PERSON, fetch);
        MappingEngine spec = specs.get(SubjectType.PERSON);
        ProcessorDefinition<?> route = from(fetch).routeId(routeIdOf(fetch))
                .errorHandler(departmentRedelivery())
                .onException(SoapFault.class).onWhen(this::notFoundFault).handled(true).maximumRedeliveries(0)
                    .setBody(constant(LookupResult.notFound(source())))
                .end();
        call(route, lookup.operation(),
                exchange -> fill(lookup.request(), Map.of("id", exchange.getMessage().getBody(String.class))))
                .process(exchange -> {
                    Object record = answer(exchange).get(lookup.record());
                    if (!(record instanceof Map<?, ?> fields)) {
                        throw new DepartmentException(source(), lookup.operation() + " answered without " + lookup.record());
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> raw = (Map<String, Object>) fields;
                    exchange.getMessage().setBody(LookupResult.found(
                            spec.map(raw, Instant.now(), SoapResponseDigest.of(exchange))));
                });
    }

    private void identityCheck(SoapDescription.IdentityCheck check) {
        String verify = "direct:" + source() + ".identity.verify";
        guarded(from(DescribedEndpoints.direct(source(), Capability.IDENTITY_CHECK)).routeId(source() + ".identity.check"), verify,
                exchange -> {
                    logFailure(exchange, "an identity check");
                    exchange.getMessage().setBody(IdentityCheckResult.unavailable(source(), failureDetail(exchange)));
                });
        call(from(verify).routeId(routeIdOf(verify)).errorHandler(departmentRedelivery()), check.operation(), exchange -> {
            IdentityCheckRequest request = exchange.getMessage().getBody(IdentityCheckRequest.class);
            return fill(check.request(), Map.of("id", request.idNumber(), "name", request.name()));
        }).process(exchange -> {
            Object verdict = answer(exchange).get(check.answer());
            if (verdict == null) {
                // no verdict is no answer: never "inconsistent", which would tell an applicant the name is wrong
                throw new DepartmentException(source(), check.operation() + " answered without " + check.answer());
            }
            exchange.getMessage().setBody(IdentityCheckResult.of(source(), check.consistent().equals(verdict)));
        });
    }

    private void delivery(SoapDescription.Delivery delivery) {
        String send = "direct:" + source() + ".applications.send";
        guardedDelivery(DescribedEndpoints.direct(source(), Capability.SUBMISSION_DELIVERY), send);
        call(from(send).routeId(routeIdOf(send)).errorHandler(departmentRedelivery()), delivery.operation(),
                exchange -> SubmissionFields.of(delivery.request(), exchange.getMessage().getBody(SubmissionDelivery.class)))
                .process(exchange -> {
                    Object receipt = answer(exchange).get(delivery.receipt());
                    exchange.getMessage().setBody(receipt == null ? null : receipt.toString());
                });
    }

    private void decisions(SoapDescription.Decisions decisions) {
        String fetch = DescribedEndpoints.direct(source(), Capability.DECISION_FEED);
        polledDecisions(fetch);
        DecisionDialect dialect = decisions.dialect();
        call(from(fetch).routeId(routeIdOf(fetch)).errorHandler(departmentRedelivery()), decisions.operation(),
                exchange -> fill(decisions.request(), Map.of("after", exchange.getMessage().getBody(String.class),
                        "limit", Integer.toString(SoapDescription.DECISION_PAGE))))
                .process(exchange -> exchange.getMessage().setBody(
                        DecisionDialect.records(answer(exchange).get(decisions.list())).stream()
                                .map(record -> dialect.decision(source(), record)).toList()));
    }

    /**
     * Continues {@code route} with a call of {@code operation}, the request element's children (in order) as
     * {@code children} gives them for the exchange.
     */
    private ProcessorDefinition<?> call(ProcessorDefinition<?> route, String operation,
                                        Function<Exchange, Map<String, ?>> children) {
        QName element = wsdl.requestElement(operation);
        boolean qualified = wsdl.qualifiesChildren(element.getNamespaceURI());
        return route
                .process(exchange -> exchange.getMessage().setBody(payload(element, qualified, children.apply(exchange))))
                .removeHeaders("*")
                .setHeader(CxfConstants.OPERATION_NAME, constant(operation))
                .setHeader(CxfConstants.OPERATION_NAMESPACE, constant(wsdl.operationNamespace()))
                .to("cxf:bean:" + serviceBean(source()));
    }

    /** The described request's children, in order, each with the value of what it takes. */
    private static Map<String, ?> fill(Map<String, String> request, Map<String, String> values) {
        Map<String, Object> children = new LinkedHashMap<>();
        request.forEach((child, value) -> children.put(child, values.get(value)));
        return children;
    }

    private static CxfPayload<SoapHeader> payload(QName element, boolean qualified, Map<String, ?> children)
            throws ParserConfigurationException {
        Document document = DOM.newDocumentBuilder().newDocument();
        Element root = document.createElementNS(element.getNamespaceURI(), element.getLocalPart());
        children.forEach((child, value) -> {
            Element field = document.createElementNS(qualified ? element.getNamespaceURI() : null, child);
            field.setTextContent(value == null ? "" : value.toString());
            root.appendChild(field);
        });
        document.appendChild(root);
        return new CxfPayload<>(new ArrayList<>(), List.of(root));
    }

    /** The answer's wrapper element, read as a record. */
    private static Map<String, Object> answer(Exchange exchange) {
        CxfPayload<?> payload = exchange.getMessage().getBody(CxfPayload.class);
        List<Element> body = payload == null ? List.of() : payload.getBody();
        return body.isEmpty() ? Map.of() : XmlRecord.of(body.get(0));
    }

    /** A fault carrying the described not-found code is the answer "not found"; any other is the department's failure. */
    private boolean notFoundFault(Exchange exchange) {
        SoapFault fault = exchange.getException(SoapFault.class);
        return fault != null && soap.notFound().equals(departmentCode(fault));
    }

    /** The department's own code of a fault, from its detail, or null. */
    private String departmentCode(SoapFault fault) {
        Element detail = fault.getDetail();
        NodeList codes = detail == null ? null : detail.getElementsByTagNameNS("*", soap.faultCode());
        return codes == null || codes.getLength() == 0 ? null : codes.item(0).getTextContent().trim();
    }

    /** A department's fault by the department's own code, where its detail carries one. */
    @Override
    protected String detailOf(Throwable cause) {
        if (cause instanceof SoapFault fault && fault.getCause() == null && departmentCode(fault) != null) {
            return "the department answered the SOAP fault " + departmentCode(fault);
        }
        return super.detailOf(cause);
    }
}

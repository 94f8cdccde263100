package io.tongban.connectors.described;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.camel.Exchange;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The connector of a department whose system speaks REST with JSON or XML bodies, run from its description alone
 * (written once for every such department, like a route template): lookups GET the record and map it with the
 * department's spec, deliveries POST the application in the department's fields, decisions are polled from its
 * 办结结果 feed. Breaker, retries, not-found handling and digests come from {@link DepartmentRouteBuilder}.
 */
public class RestConnector extends DepartmentRouteBuilder {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ConnectorDescription description;
    private final RestDescription rest;
    private final Map<SubjectType, MappingEngine> specs = new EnumMap<>(SubjectType.class);

    public RestConnector(ConnectorDescription description) {
        super(description.source());
        this.description = description;
        this.rest = RestDescription.read(description);
        description.specs().forEach((type, spec) -> specs.put(type, MappingEngine.fromClasspath(spec)));
    }

    /** The descriptor of a described REST department: its endpoints are named after its source. */
    public static ConnectorDescriptor descriptor(ConnectorDescription description) {
        Map<Capability, String> endpoints = new EnumMap<>(Capability.class);
        for (Capability capability : description.capabilities()) {
            endpoints.put(capability, endpoint(description, capability));
        }
        return description.descriptor(endpoints);
    }

    private static String endpoint(ConnectorDescription description, Capability capability) {
        return capability == Capability.CHANGE_FEED
                ? "file:{{" + description.key(ChangeFileDescription.read(description).directoryParameter()) + "}}"
                : DescribedEndpoints.direct(description.source(), capability);
    }

    @Override
    public void configure() {
        if (rest.personLookup() != null) {
            lookup(endpoint(description, Capability.PERSON_LOOKUP), SubjectType.PERSON, "person", rest.personLookup());
        }
        if (rest.entityLookup() != null) {
            lookup(endpoint(description, Capability.ENTITY_LOOKUP), SubjectType.LEGAL_ENTITY, "entity", rest.entityLookup());
        }
        if (rest.delivery() != null) {
            delivery(rest.delivery());
        }
        if (rest.decisions() != null) {
            decisions(rest.decisions());
        }
    }

    private void lookup(String endpoint, SubjectType type, String system, String path) {
        String fetch = "direct:" + source() + "." + system + ".fetch";
        guardedLookup(endpoint, type, fetch);
        MappingEngine spec = specs.get(type);
        unmarshal(httpFetch(fetch)
                .process(exchange -> target(exchange, path, "{id}", exchange.getMessage().getBody(String.class)))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to(departmentUrl())
                .process(ResponseDigest::ofHttpBody))
                .process(exchange -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> record = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setBody(LookupResult.found(spec.map(record, Instant.now(), ResponseDigest.of(exchange))));
                });
    }

    private void delivery(RestDescription.Delivery delivery) {
        String send = "direct:" + source() + ".applications.send";
        guardedDelivery(endpoint(description, Capability.SUBMISSION_DELIVERY), send);
        ProcessorDefinition<?> route = from(send).routeId(routeIdOf(send))
                .errorHandler(departmentRedelivery())
                .process(exchange -> exchange.getMessage().setBody(
                        SubmissionFields.of(delivery.body(), exchange.getMessage().getBody(SubmissionDelivery.class))));
        if (rest.xml()) {
            route.process(exchange -> exchange.getMessage().setBody(xml(delivery.root(), exchange.getMessage().getBody(Map.class))));
        } else {
            route.marshal().json();
        }
        unmarshal(route.removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant(rest.xml() ? "application/xml;charset=UTF-8" : "application/json"))
                .setHeader(Exchange.HTTP_PATH, constant(delivery.path()))
                .to(departmentUrl()))
                .process(exchange -> {
                    Map<?, ?> answer = exchange.getMessage().getBody(Map.class);
                    Object receipt = answer == null ? null : answer.get(delivery.receipt());
                    exchange.getMessage().setBody(receipt == null ? null : receipt.toString());
                });
    }

    private void decisions(RestDescription.Decisions decisions) {
        String fetch = endpoint(description, Capability.DECISION_FEED);
        polledDecisions(fetch);
        DecisionDialect dialect = decisions.dialect();
        unmarshal(from(fetch).routeId(routeIdOf(fetch))
                .errorHandler(departmentRedelivery())
                .process(exchange -> target(exchange, decisions.path(), "{after}", exchange.getMessage().getBody(String.class)))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to(departmentUrl()))
                .process(exchange -> {
                    Object answer = exchange.getMessage().getBody();
                    Object records = answer instanceof Map<?, ?> map ? map.get(decisions.list()) : null;
                    exchange.getMessage().setBody(DecisionDialect.records(records).stream()
                            .map(record -> dialect.decision(source(), record)).toList());
                });
    }

    private ProcessorDefinition<?> unmarshal(ProcessorDefinition<?> route) {
        return rest.xml() ? route.unmarshal().jacksonXml(Map.class) : route.unmarshal().json(Map.class);
    }

    private String departmentUrl() {
        return "{{" + description.key("url") + "}}?connectTimeout={{" + description.key("connect-timeout-ms")
                + "}}&responseTimeout={{" + description.key("response-timeout-ms") + "}}";
    }

    /** Points the call at the described path, the placeholder filled in (encoded), its query apart. */
    private static void target(Exchange exchange, String template, String placeholder, String value) {
        String filled = template.replace(placeholder, URLEncoder.encode(value, StandardCharsets.UTF_8));
        int query = filled.indexOf('?');
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, query < 0 ? filled : filled.substring(0, query));
        if (query >= 0) {
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, filled.substring(query + 1));
        }
    }

    private static String xml(String root, Map<?, ?> fields) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XML.createXMLStreamWriter(text);
        xml.writeStartElement(root);
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            xml.writeStartElement(field.getKey().toString());
            xml.writeCharacters(String.valueOf(field.getValue()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.close();
        return text.toString();
    }
}

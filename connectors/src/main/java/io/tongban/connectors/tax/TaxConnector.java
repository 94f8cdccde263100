package io.tongban.connectors.tax;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.camel.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Tax (税务) taxpayer registration: REST with XML bodies, {@code GET /sw/nsr?nsrsbh=...}. Persons are registered
 * under their identity number, companies under their credit code; the answer is the same NSRXX record. Applications
 * go to {@code POST /sw/sq} and decisions are read from {@code GET /sw/bj}, both XML.
 */
@Component
@ConditionalOnProperty(name = "bus.connectors.tax.enabled", matchIfMissing = true)
public class TaxConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "tax";
    static final String PERSON_LOOKUP = "direct:tax.taxpayer.person-lookup";
    static final String ENTITY_LOOKUP = "direct:tax.taxpayer.entity-lookup";
    private static final String FETCH = "direct:tax.taxpayer.fetch";
    static final String DELIVERY = "direct:tax.applications.deliver";
    private static final String SEND = "direct:tax.applications.send";
    private static final String DECISIONS = "direct:tax.applications.decisions";
    private static final String TIMEOUTS = "connectTimeout={{bus.connectors.tax.connect-timeout-ms}}"
            + "&responseTimeout={{bus.connectors.tax.response-timeout-ms}}";
    private static final DecisionDialect DIALECT = new DecisionDialect("1", "0", Map.of());
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("specs/tax/person.yaml");
    private static final MappingEngine ENTITY_SPEC = MappingEngine.fromClasspath("specs/tax/legal-entity.yaml");

    public TaxConnector() {
        super(SOURCE);
    }

    @Bean
    static ConnectorDescriptor taxConnectorDescriptor() {
        return new ConnectorDescriptor(SOURCE, Map.of(
                Capability.PERSON_LOOKUP, PERSON_LOOKUP,
                Capability.ENTITY_LOOKUP, ENTITY_LOOKUP,
                Capability.SUBMISSION_DELIVERY, DELIVERY,
                Capability.DECISION_FEED, DECISIONS),
                Map.of(SubjectType.PERSON, PERSON_SPEC.targets(), SubjectType.LEGAL_ENTITY, ENTITY_SPEC.targets()));
    }

    @Override
    public void configure() {
        guardedLookup(PERSON_LOOKUP, SubjectType.PERSON, FETCH);
        guardedLookup(ENTITY_LOOKUP, SubjectType.LEGAL_ENTITY, FETCH);

        httpFetch(FETCH)
                .setHeader(Exchange.HTTP_QUERY, simple("nsrsbh=${body}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.tax.url}}/sw/nsr?" + TIMEOUTS)
                .process(ResponseDigest::ofHttpBody)
                .unmarshal().jacksonXml(Map.class)
                .process(this::mapRecord);

        guardedDelivery(DELIVERY, SEND);
        from(SEND).routeId("tax.applications.send")
                .errorHandler(departmentRedelivery())
                .process(TaxConnector::application)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/xml;charset=UTF-8"))
                .to("{{bus.connectors.tax.url}}/sw/sq?" + TIMEOUTS)
                .unmarshal().jacksonXml(Map.class)
                .setBody(simple("${body[SLBH]}"));

        polledDecisions(DECISIONS);
        from(DECISIONS).routeId("tax.applications.decisions")
                .errorHandler(departmentRedelivery())
                .setHeader(Exchange.HTTP_QUERY, simple("after=${body}&limit=500"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.tax.url}}/sw/bj?" + TIMEOUTS)
                .unmarshal().jacksonXml(Map.class)
                .process(e -> {
                    Map<?, ?> list = e.getMessage().getBody(Map.class);
                    e.getMessage().setBody(DecisionDialect.records(list == null ? null : list.get("BJJG")).stream()
                            .map(record -> DIALECT.decision(SOURCE, record)).toList());
                });
    }

    /** The application as the tax system reads it: {@code <SQ>} with the applicant's taxpayer number and name. */
    private static void application(Exchange exchange) throws XMLStreamException {
        SubmissionDelivery delivery = exchange.getMessage().getBody(SubmissionDelivery.class);
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XML.createXMLStreamWriter(text);
        xml.writeStartElement("SQ");
        element(xml, "SQBH", delivery.submission());
        element(xml, "SXBM", delivery.matter());
        element(xml, "NSRSBH", delivery.applicant());
        element(xml, "SQRMC", delivery.formText("name"));
        xml.writeEndElement();
        xml.close();
        exchange.getMessage().setBody(text.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    @SuppressWarnings("unchecked")
    private void mapRecord(Exchange exchange) {
        MappingEngine spec = exchange.getMessage().getHeader(SUBJECT_TYPE) == SubjectType.PERSON ? PERSON_SPEC : ENTITY_SPEC;
        Map<String, Object> nsrxx = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(LookupResult.found(spec.map(nsrxx, Instant.now(), ResponseDigest.of(exchange))));
    }
}

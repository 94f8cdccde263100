package io.tongban.connectors.tax;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.ResponseDigest;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Tax (税务) taxpayer registration: REST with XML bodies, {@code GET /sw/nsr?nsrsbh=...}. Persons are registered
 * under their identity number, companies under their credit code; the answer is the same NSRXX record.
 */
@Component
@ConditionalOnProperty(name = "bus.connectors.tax.enabled", matchIfMissing = true)
public class TaxConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "tax";
    static final String PERSON_LOOKUP = "direct:tax.taxpayer.person-lookup";
    static final String ENTITY_LOOKUP = "direct:tax.taxpayer.entity-lookup";
    private static final String FETCH = "direct:tax.taxpayer.fetch";

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("specs/tax/person.yaml");
    private static final MappingEngine ENTITY_SPEC = MappingEngine.fromClasspath("specs/tax/legal-entity.yaml");

    public TaxConnector() {
        super(SOURCE);
    }

    @Bean
    static ConnectorDescriptor taxConnectorDescriptor() {
        return new ConnectorDescriptor(SOURCE, Map.of(
                Capability.PERSON_LOOKUP, PERSON_LOOKUP,
                Capability.ENTITY_LOOKUP, ENTITY_LOOKUP),
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
                .to("{{bus.connectors.tax.url}}/sw/nsr?connectTimeout={{bus.connectors.tax.connect-timeout-ms}}"
                        + "&responseTimeout={{bus.connectors.tax.response-timeout-ms}}")
                .process(ResponseDigest::ofHttpBody)
                .unmarshal().jacksonXml(Map.class)
                .process(this::mapRecord);
    }

    @SuppressWarnings("unchecked")
    private void mapRecord(Exchange exchange) {
        MappingEngine spec = exchange.getMessage().getHeader(SUBJECT_TYPE) == SubjectType.PERSON ? PERSON_SPEC : ENTITY_SPEC;
        Map<String, Object> nsrxx = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(LookupResult.found(spec.map(nsrxx, Instant.now(), ResponseDigest.of(exchange))));
    }
}

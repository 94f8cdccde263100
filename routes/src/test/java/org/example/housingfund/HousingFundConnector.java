package org.example.housingfund;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * A department's connector in Java, written the way the README tells a department IT team to: its own package
 * (outside the bus's, on purpose), its folder {@code departments/housing-fund/} with its description and mapping
 * spec, configuration under {@code bus.connectors.housing-fund}. Nothing in the core names it.
 */
public class HousingFundConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "housing-fund";
    private static final String PERSON_LOOKUP = "direct:housing-fund.account.lookup";
    private static final String FETCH = "direct:housing-fund.account.fetch";

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("departments/housing-fund/person.yaml");

    public HousingFundConnector() {
        super(SOURCE);
    }

    static ConnectorDescriptor descriptor() {
        return ConnectorDescriptions.of(SOURCE).descriptor(Map.of(Capability.PERSON_LOOKUP, PERSON_LOOKUP));
    }

    @Override
    public void configure() {
        guardedLookup(PERSON_LOOKUP, SubjectType.PERSON, FETCH);

        httpFetch(FETCH)
                .setHeader(Exchange.HTTP_PATH, simple("${body}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.housing-fund.url}}/gjj/api/grxx"
                        + "?connectTimeout={{bus.connectors.housing-fund.connect-timeout-ms}}"
                        + "&responseTimeout={{bus.connectors.housing-fund.response-timeout-ms}}")
                .process(ResponseDigest::ofHttpBody)
                .unmarshal().json(Map.class)
                .process(this::mapRecord);
    }

    @SuppressWarnings("unchecked")
    private void mapRecord(Exchange exchange) {
        Map<String, Object> account = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(LookupResult.found(PERSON_SPEC.map(account, Instant.now(), ResponseDigest.of(exchange))));
    }
}

package org.example.housingfund;

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
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * A department's connector written the way the README tells a department IT team to: its own package (outside the
 * bus's, on purpose), a mapping spec shipped beside it, a descriptor, configuration under
 * {@code bus.connectors.housing-fund}. Nothing in the core names it.
 */
@Component
public class HousingFundConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "housing-fund";
    private static final String PERSON_LOOKUP = "direct:housing-fund.account.lookup";
    private static final String FETCH = "direct:housing-fund.account.fetch";

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("specs/housing-fund/person.yaml");

    public HousingFundConnector() {
        super(SOURCE);
    }

    @Bean
    static ConnectorDescriptor housingFundConnectorDescriptor() {
        return new ConnectorDescriptor(SOURCE, Map.of(Capability.PERSON_LOOKUP, PERSON_LOOKUP),
                Map.of(SubjectType.PERSON, PERSON_SPEC.targets()));
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

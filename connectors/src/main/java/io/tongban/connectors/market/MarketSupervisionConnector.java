package io.tongban.connectors.market;

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

/** Market supervision (市场监管) enterprise registration: REST/JSON, {@code GET /scjg/api/qy/{TYSHXYDM}}. */
@Component
@ConditionalOnProperty(name = "bus.connectors.market-supervision.enabled", matchIfMissing = true)
public class MarketSupervisionConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "market-supervision";
    static final String ENTITY_LOOKUP = "direct:market-supervision.enterprise.lookup";
    private static final String FETCH = "direct:market-supervision.enterprise.fetch";

    private static final MappingEngine ENTITY_SPEC = MappingEngine.fromClasspath("specs/market-supervision/legal-entity.yaml");

    public MarketSupervisionConnector() {
        super(SOURCE);
    }

    @Bean
    static ConnectorDescriptor marketSupervisionConnectorDescriptor() {
        return new ConnectorDescriptor(SOURCE, Map.of(
                Capability.ENTITY_LOOKUP, ENTITY_LOOKUP,
                // the daily change files, read by MarketChangeFileFeed
                Capability.CHANGE_FEED, "file:{{bus.connectors.market-supervision.feed-directory}}"),
                Map.of(SubjectType.LEGAL_ENTITY, ENTITY_SPEC.targets()));
    }

    @Override
    public void configure() {
        guardedLookup(ENTITY_LOOKUP, SubjectType.LEGAL_ENTITY, FETCH);

        httpFetch(FETCH)
                .setHeader(Exchange.HTTP_PATH, simple("${body}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.market-supervision.url}}/scjg/api/qy"
                        + "?connectTimeout={{bus.connectors.market-supervision.connect-timeout-ms}}"
                        + "&responseTimeout={{bus.connectors.market-supervision.response-timeout-ms}}")
                .process(ResponseDigest::ofHttpBody)
                .unmarshal().json(Map.class)
                .process(this::mapRecord);
    }

    @SuppressWarnings("unchecked")
    private void mapRecord(Exchange exchange) {
        Map<String, Object> enterprise = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(LookupResult.found(ENTITY_SPEC.map(enterprise, Instant.now(), ResponseDigest.of(exchange))));
    }
}

package io.tongban.connectors.market;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Market supervision (市场监管) enterprise registration: REST/JSON. {@code GET /scjg/api/qy/{TYSHXYDM}} looks an
 * enterprise up; applications go to {@code POST /scjg/api/sq} and decisions are read from {@code GET /scjg/api/bj},
 * an approval of a company establishment naming the new company's credit code.
 */
@Component
@ConditionalOnProperty(name = "bus.connectors.market-supervision.enabled", matchIfMissing = true)
public class MarketSupervisionConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "market-supervision";
    static final String ENTITY_LOOKUP = "direct:market-supervision.enterprise.lookup";
    private static final String FETCH = "direct:market-supervision.enterprise.fetch";
    static final String DELIVERY = "direct:market-supervision.applications.deliver";
    private static final String SEND = "direct:market-supervision.applications.send";
    private static final String DECISIONS = "direct:market-supervision.applications.decisions";
    private static final String TIMEOUTS = "connectTimeout={{bus.connectors.market-supervision.connect-timeout-ms}}"
            + "&responseTimeout={{bus.connectors.market-supervision.response-timeout-ms}}";
    private static final DecisionDialect DIALECT = new DecisionDialect("TG", "BTG", Map.of("TYSHXYDM", "creditCode"));

    private static final MappingEngine ENTITY_SPEC = MappingEngine.fromClasspath("specs/market-supervision/legal-entity.yaml");

    public MarketSupervisionConnector() {
        super(SOURCE);
    }

    @Bean
    static ConnectorDescriptor marketSupervisionConnectorDescriptor() {
        return new ConnectorDescriptor(SOURCE, Map.of(
                Capability.ENTITY_LOOKUP, ENTITY_LOOKUP,
                // the daily change files, read by MarketChangeFileFeed
                Capability.CHANGE_FEED, "file:{{bus.connectors.market-supervision.feed-directory}}",
                Capability.SUBMISSION_DELIVERY, DELIVERY,
                Capability.DECISION_FEED, DECISIONS),
                Map.of(SubjectType.LEGAL_ENTITY, ENTITY_SPEC.targets()));
    }

    @Override
    public void configure() {
        guardedLookup(ENTITY_LOOKUP, SubjectType.LEGAL_ENTITY, FETCH);

        httpFetch(FETCH)
                .setHeader(Exchange.HTTP_PATH, simple("${body}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.market-supervision.url}}/scjg/api/qy?" + TIMEOUTS)
                .process(ResponseDigest::ofHttpBody)
                .unmarshal().json(Map.class)
                .process(this::mapRecord);

        guardedDelivery(DELIVERY, SEND);
        from(SEND).routeId("market-supervision.applications.send")
                .errorHandler(departmentRedelivery())
                .process(MarketSupervisionConnector::application)
                .marshal().json()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{bus.connectors.market-supervision.url}}/scjg/api/sq?" + TIMEOUTS)
                .unmarshal().json(Map.class)
                .setBody(simple("${body[SLBH]}"));

        polledDecisions(DECISIONS);
        from(DECISIONS).routeId("market-supervision.applications.decisions")
                .errorHandler(departmentRedelivery())
                .setHeader(Exchange.HTTP_QUERY, simple("after=${body}&limit=500"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("{{bus.connectors.market-supervision.url}}/scjg/api/bj?" + TIMEOUTS)
                .unmarshal().json(Map.class)
                .process(e -> e.getMessage().setBody(DecisionDialect.records(e.getMessage().getBody(Map.class).get("BJJG"))
                        .stream().map(record -> DIALECT.decision(SOURCE, record)).toList()));
    }

    /** The application in the department's words: the company's proposed name, domicile and scope from the form. */
    private static void application(Exchange exchange) {
        SubmissionDelivery delivery = exchange.getMessage().getBody(SubmissionDelivery.class);
        Map<String, Object> sq = new LinkedHashMap<>();
        sq.put("SQBH", delivery.submission());
        sq.put("SXBM", delivery.matter());
        sq.put("SQRZJHM", delivery.applicant());
        sq.put("SQRXM", delivery.formText("name"));
        sq.put("QYMC", delivery.formText("companyName"));
        sq.put("ZS", delivery.formText("companyDomicile"));
        sq.put("JYFW", delivery.formText("businessScope"));
        exchange.getMessage().setBody(sq);
    }

    @SuppressWarnings("unchecked")
    private void mapRecord(Exchange exchange) {
        Map<String, Object> enterprise = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setBody(LookupResult.found(ENTITY_SPEC.map(enterprise, Instant.now(), ResponseDigest.of(exchange))));
    }
}

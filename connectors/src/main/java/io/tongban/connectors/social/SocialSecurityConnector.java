package io.tongban.connectors.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.ConnectorError;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentException;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.MappingError;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;

/**
 * Social security (人社) insurance status: JMS request/reply on the department's own Artemis broker, plus change
 * events on a topic. The department still keeps some older persons under their 15-digit identity number, so a
 * miss under the 18-digit number is asked again under the old form. Applications go as durable messages to the
 * department's application queue; its decisions come back on its decision queue.
 */
public class SocialSecurityConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "social-security";
    static final String PERSON_LOOKUP = "direct:social-security.insurance.lookup";
    private static final String FETCH = "direct:social-security.insurance.fetch";
    private static final String ASK = "direct:social-security.insurance.ask";
    private static final String REQUEST = "direct:social-security.insurance.request";
    static final String DELIVERY = "direct:social-security.applications.deliver";
    private static final String SEND = "direct:social-security.applications.send";
    private static final String DECISIONS = "socialSecurityJms:queue:{{bus.connectors.social-security.decision-queue}}";
    private static final DecisionDialect DIALECT = new DecisionDialect("TG", "BTG", Map.of("SBBH", "insuranceNumber"));
    /** The canonical field social security's gxsj (update time, epoch milliseconds) maps to. */
    private static final String CHANGED_AT = "insuranceUpdatedAt";

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("departments/social-security/person.yaml");

    public SocialSecurityConnector() {
        super(SOURCE);
    }

    /** What the core finds it by: its endpoints, checked against its description. */
    static ConnectorDescriptor descriptor() {
        return ConnectorDescriptions.of(SOURCE).descriptor(Map.of(
                Capability.PERSON_LOOKUP, PERSON_LOOKUP,
                Capability.CHANGE_FEED, "socialSecurityJms:topic:{{bus.connectors.social-security.change-topic}}",
                Capability.SUBMISSION_DELIVERY, DELIVERY,
                Capability.DECISION_FEED, DECISIONS));
    }

    @Override
    public void configure() {
        guardedLookup(PERSON_LOOKUP, SubjectType.PERSON, FETCH);

        from(FETCH).routeId("social-security.insurance.fetch")
                .setProperty("legacyId", method(SocialSecurityConnector.class, "legacyFormOf"))
                .to(ASK)
                .filter(e -> e.getProperty("legacyId") != null
                        && e.getMessage().getBody(LookupResult.class).status() == LookupResult.Status.NOT_FOUND)
                    .setBody(exchangeProperty("legacyId"))
                    // a new call, with its own redeliveries
                    .removeHeaders("CamelRedelivery*")
                    .to(ASK)
                .end();

        // The request and the check of its reply are one step for the redelivery: a redelivery asks the
        // department again rather than checking the same failed reply again.
        from(ASK).routeId("social-security.insurance.ask")
                .errorHandler(departmentRedelivery())
                .to(REQUEST);

        from(REQUEST).routeId("social-security.insurance.request")
                .errorHandler(noErrorHandler())
                // The redelivery counts its attempts in headers: kept on the request (a call that fails keeps them)
                // and put back on the reply, which replaces them; else the department would be asked without end.
                .setProperty(Exchange.REDELIVERY_COUNTER, header(Exchange.REDELIVERY_COUNTER))
                .removeHeaders("*", "CamelRedelivery*")
                .setBody(simple("{\"sfzhm\":\"${body}\"}"))
                .to(ExchangePattern.InOut, "socialSecurityJms:queue:{{bus.connectors.social-security.request-queue}}"
                        + "?requestTimeout={{bus.connectors.social-security.response-timeout-ms}}&jmsMessageType=Text"
                        // a request outlives its caller by at most the timeout: journalling it buys nothing
                        + "&deliveryPersistent=false")
                .setHeader(Exchange.REDELIVERY_COUNTER, exchangeProperty(Exchange.REDELIVERY_COUNTER))
                .choice()
                    .when(header("RESULT").isEqualTo("OK"))
                        .process(ResponseDigest::ofText)
                        .unmarshal().json(Map.class)
                        .process(this::mapReply)
                    .when(header("RESULT").isEqualTo("NOT_FOUND"))
                        .setBody(constant(LookupResult.notFound(SOURCE)))
                    .otherwise()
                        .process(e -> {
                            throw new DepartmentException(SOURCE, "reply " + e.getMessage().getHeader("RESULT"));
                        })
                .end();

        // Transacted: an event the base could not take (database down) goes back to the department's broker for
        // redelivery instead of being lost; an event that can never be mapped is rejected and acknowledged.
        // An event is the person's whole record as of its gxsj: the base lays it over what it holds as of then.
        from("socialSecurityJms:topic:{{bus.connectors.social-security.change-topic}}"
                + "?consumerType=Simple&subscriptionShared=true&subscriptionDurable=true&transacted=true"
                + "&subscriptionName={{bus.connectors.social-security.subscription}}")
                .routeId("social-security.insurance.changes")
                .doTry()
                    .process(ResponseDigest::ofText)
                    .unmarshal().json(Map.class)
                    .process(this::mapChange)
                    .to(ConnectorDescriptor.CHANGES_ENDPOINT)
                    .log(LoggingLevel.DEBUG, "Applied a social security change event")
                .doCatch(MappingException.class, JsonProcessingException.class)
                    .process(this::reject)
                    .to(ConnectorDescriptor.REJECTIONS_ENDPOINT)
                .end();

        guardedDelivery(DELIVERY, SEND);
        // A persistent send returns once the department's broker has the message on disk: that is the delivery.
        from(SEND).routeId("social-security.applications.send")
                .errorHandler(departmentRedelivery())
                .process(SocialSecurityConnector::application)
                .marshal().json()
                .removeHeaders("*")
                .to(ExchangePattern.InOnly, "socialSecurityJms:queue:{{bus.connectors.social-security.application-queue}}"
                        + "?jmsMessageType=Text&deliveryPersistent=true")
                .setBody(constant(null));

        // Transacted: a decision the bus could not apply goes back to the department's broker and comes again; one
        // that is not a decision at all ends, after the broker's attempts, in the department's dead-letter queue.
        from(DECISIONS + "?transacted=true").routeId("social-security.applications.decisions")
                .unmarshal().json(Map.class)
                .process(e -> e.getMessage().setBody(List.of(DIALECT.decision(SOURCE,
                        e.getMessage().getBody(Map.class)))))
                .to(ConnectorDescriptor.DECISIONS_ENDPOINT);
    }

    private static void application(Exchange exchange) {
        SubmissionDelivery delivery = exchange.getMessage().getBody(SubmissionDelivery.class);
        Map<String, Object> sq = new LinkedHashMap<>();
        sq.put("SQBH", delivery.submission());
        sq.put("SXBM", delivery.matter());
        sq.put("SFZHM", delivery.applicant());
        sq.put("XM", delivery.formText("name"));
        sq.put("DWMC", delivery.formText(delivery.matter().equals("company-establishment") ? "companyName" : "employerName"));
        exchange.getMessage().setBody(sq);
    }

    /** Reports an event that cannot be applied, by its JMS message id; the message names the problem, not the data. */
    private void reject(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = cause instanceof MappingException mapping ? mapping.code() : ConnectorError.MALFORMED_EVENT.code();
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        String location = exchange.getContext().resolvePropertyPlaceholders("{{bus.connectors.social-security.change-topic}}")
                + ":" + exchange.getMessage().getHeader("JMSMessageID");
        exchange.getMessage().setBody(new RejectedChange(SOURCE, location, code, message));
    }

    /** The 15-digit form under which the department may hold a person born in the 1900s, or null. */
    public static String legacyFormOf(String idNumber) {
        return IdentityNumber.parse(idNumber).legacy15().orElse(null);
    }

    private void mapReply(Exchange exchange) {
        exchange.getMessage().setBody(LookupResult.found(mapped(exchange)));
    }

    /** A change event as of its own time, gxsj; an event without it cannot be placed in time and is rejected. */
    private void mapChange(Exchange exchange) {
        SourceRecord event = mapped(exchange);
        Object changedAt = event.fields().get(CHANGED_AT);
        if (changedAt == null) {
            throw new MappingException(MappingError.MISSING_FIELD,
                    SOURCE + " change event: gxsj, the time of the change, is missing");
        }
        exchange.getMessage().setBody(event.asChangeAt(Instant.parse(changedAt.toString())));
    }

    @SuppressWarnings("unchecked")
    private SourceRecord mapped(Exchange exchange) {
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        return PERSON_SPEC.map(record, Instant.now(), ResponseDigest.of(exchange));
    }
}

package io.tongban.connectors.described;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.ConnectorError;
import io.tongban.connectors.DepartmentException;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.ResponseDigest;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.MappingError;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;

/**
 * The connector of a department reached over JMS on its own broker, run from its description alone (written once
 * for every such department): a lookup is a request/reply whose reply header says found or not found (asked again
 * under the old 15-digit number when described), change events arrive on a topic through a durable shared
 * subscription, applications go as durable messages, decisions arrive one message each. Bodies are JSON, mapped with
 * the department's spec; breaker, retries and timeouts come from {@link DepartmentRouteBuilder}.
 */
public class JmsConnector extends DepartmentRouteBuilder {

    private static final String LEGACY_ID = "TongbanLegacyId";

    private final ConnectorDescription description;
    private final JmsDescription jms;
    private final MappingEngine personSpec;

    public JmsConnector(ConnectorDescription description) {
        super(description.source());
        this.description = description;
        this.jms = JmsDescription.read(description);
        this.personSpec = MappingEngine.fromClasspath(description.specs().get(SubjectType.PERSON));
    }

    /** The descriptor of a described JMS department: its endpoints are named after its source. */
    public static ConnectorDescriptor descriptor(ConnectorDescription description) {
        JmsDescription jms = JmsDescription.read(description);
        Map<Capability, String> endpoints = new EnumMap<>(Capability.class);
        for (Capability capability : description.capabilities()) {
            endpoints.put(capability, switch (capability) {
                case CHANGE_FEED -> destination(description, "topic", jms.changeFeed().topic());
                case DECISION_FEED -> destination(description, "queue", jms.decisions().queue());
                default -> DescribedEndpoints.direct(description.source(), capability);
            });
        }
        return description.descriptor(endpoints);
    }

    /** The name of the JMS component reaching the department's broker. */
    public static String component(String source) {
        return source + "-jms";
    }

    private static String destination(ConnectorDescription description, String kind, String parameter) {
        return component(description.source()) + ":" + kind + ":{{" + description.key(parameter) + "}}";
    }

    @Override
    public void configure() {
        if (jms.personLookup() != null) {
            lookup(jms.personLookup());
        }
        if (jms.changeFeed() != null) {
            changes(jms.changeFeed());
        }
        if (jms.delivery() != null) {
            delivery(jms.delivery());
        }
        if (jms.decisions() != null) {
            decisions(jms.decisions());
        }
    }

    private void lookup(JmsDescription.Lookup lookup) {
        String fetch = "direct:" + source() + ".person.fetch";
        String ask = "direct:" + source() + ".person.ask";
        String request = "direct:" + source() + ".person.request";
        guardedLookup(DescribedEndpoints.direct(source(), Capability.PERSON_LOOKUP), SubjectType.PERSON, fetch);

        if (lookup.oldNumber()) {
            from(fetch).routeId(routeIdOf(fetch))
                    .setProperty(LEGACY_ID, method(JmsConnector.class, "legacyFormOf"))
                    .to(ask)
                    .filter(exchange -> exchange.getProperty(LEGACY_ID) != null
                            && exchange.getMessage().getBody(LookupResult.class).status() == LookupResult.Status.NOT_FOUND)
                        .setBody(exchangeProperty(LEGACY_ID))
                        // a new call, with its own redeliveries
                        .removeHeaders("CamelRedelivery*")
                        .to(ask)
                    .end();
        } else {
            from(fetch).routeId(routeIdOf(fetch)).to(ask);
        }

        // The request and the check of its reply are one step for the redelivery: a redelivery asks the
        // department again rather than checking the same failed reply again.
        from(ask).routeId(routeIdOf(ask))
                .errorHandler(departmentRedelivery())
                .to(request);

        from(request).routeId(routeIdOf(request))
                .errorHandler(noErrorHandler())
                // The redelivery counts its attempts in headers: kept on the request (a call that fails keeps them)
                // and put back on the reply, which replaces them; else the department would be asked without end.
                .setProperty(Exchange.REDELIVERY_COUNTER, header(Exchange.REDELIVERY_COUNTER))
                .removeHeaders("*", "CamelRedelivery*")
                .process(exchange -> {
                    String id = exchange.getMessage().getBody(String.class);
                    Map<String, Object> fields = new LinkedHashMap<>();
                    lookup.request().keySet().forEach(field -> fields.put(field, id));
                    exchange.getMessage().setBody(fields);
                })
                .marshal().json()
                .convertBodyTo(String.class)
                .to(ExchangePattern.InOut, destination(description, "queue", lookup.queue())
                        + "?requestTimeout={{" + description.key("response-timeout-ms") + "}}&jmsMessageType=Text"
                        // a request outlives its caller by at most the timeout: journalling it buys nothing
                        + "&deliveryPersistent=false")
                .setHeader(Exchange.REDELIVERY_COUNTER, exchangeProperty(Exchange.REDELIVERY_COUNTER))
                .choice()
                    .when(header(lookup.status()).isEqualTo(lookup.found()))
                        .process(ResponseDigest::ofText)
                        .unmarshal().json(Map.class)
                        .process(exchange -> exchange.getMessage().setBody(LookupResult.found(mapped(exchange))))
                    .when(header(lookup.status()).isEqualTo(lookup.notFound()))
                        .setBody(constant(LookupResult.notFound(source())))
                    .otherwise()
                        .process(exchange -> {
                            throw new DepartmentException(source(), "reply " + exchange.getMessage().getHeader(lookup.status()));
                        })
                .end();
    }

    /**
     * Transacted: an event the base could not take (database down) goes back to the department's broker for
     * redelivery instead of being lost; an event that can never be mapped is rejected and acknowledged. An event is
     * the person's whole record as of its time: the base lays it over what it holds as of then.
     */
    private void changes(JmsDescription.ChangeFeed feed) {
        from(destination(description, "topic", feed.topic())
                + "?consumerType=Simple&subscriptionShared=true&subscriptionDurable=true&transacted=true"
                + "&subscriptionName={{" + description.key(feed.subscription()) + "}}")
                .routeId(source() + ".person.changes")
                .doTry()
                    .process(ResponseDigest::ofText)
                    .unmarshal().json(Map.class)
                    .process(exchange -> exchange.getMessage().setBody(changeAsOfItsTime(exchange, feed)))
                    .to(ConnectorDescriptor.CHANGES_ENDPOINT)
                    .log(LoggingLevel.DEBUG, "Applied a " + source() + " change event")
                .doCatch(MappingException.class, JsonProcessingException.class)
                    .process(exchange -> exchange.getMessage().setBody(rejection(exchange, feed)))
                    .to(ConnectorDescriptor.REJECTIONS_ENDPOINT)
                .end();
    }

    /** A persistent send returns once the department's broker has the message on disk: that is the delivery. */
    private void delivery(JmsDescription.Delivery delivery) {
        String send = "direct:" + source() + ".applications.send";
        guardedDelivery(DescribedEndpoints.direct(source(), Capability.SUBMISSION_DELIVERY), send);
        from(send).routeId(routeIdOf(send))
                .errorHandler(departmentRedelivery())
                .process(exchange -> exchange.getMessage().setBody(
                        SubmissionFields.of(delivery.body(), exchange.getMessage().getBody(SubmissionDelivery.class))))
                .marshal().json()
                .removeHeaders("*")
                .to(ExchangePattern.InOnly, destination(description, "queue", delivery.queue())
                        + "?jmsMessageType=Text&deliveryPersistent=true")
                .setBody(constant(null));
    }

    /**
     * Transacted: a decision the bus could not apply goes back to the department's broker and comes again; one that
     * is not a decision at all ends, after the broker's attempts, in the department's dead-letter queue.
     */
    private void decisions(JmsDescription.Decisions decisions) {
        from(destination(description, "queue", decisions.queue()) + "?transacted=true")
                .routeId(source() + ".applications.decisions")
                .unmarshal().json(Map.class)
                .process(exchange -> exchange.getMessage().setBody(List.of(decisions.dialect().decision(source(),
                        exchange.getMessage().getBody(Map.class)))))
                .to(ConnectorDescriptor.DECISIONS_ENDPOINT);
    }

    /** The 15-digit form under which a department may hold a person born in the 1900s, or null. */
    public static String legacyFormOf(String idNumber) {
        return IdentityNumber.parse(idNumber).legacy15().orElse(null);
    }

    /** A change event as of its own time; an event without it cannot be placed in time and is rejected. */
    private SourceRecord changeAsOfItsTime(Exchange exchange, JmsDescription.ChangeFeed feed) {
        SourceRecord event = mapped(exchange);
        Object changedAt = event.fields().get(feed.changedAt());
        if (changedAt == null) {
            throw new MappingException(MappingError.MISSING_FIELD,
                    source() + " change event: " + feed.changedAt() + ", the time of the change, is missing");
        }
        try {
            return event.asChangeAt(Instant.parse(changedAt.toString()));
        } catch (DateTimeParseException e) {
            throw new MappingException(MappingError.INVALID_VALUE, source() + " change event: " + feed.changedAt()
                    + " is not an instant");
        }
    }

    /** An event that cannot be applied, by its JMS message id; the message names the problem, not the data. */
    private RejectedChange rejection(Exchange exchange, JmsDescription.ChangeFeed feed) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = cause instanceof MappingException mapping ? mapping.code() : ConnectorError.MALFORMED_EVENT.code();
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        String location = exchange.getContext().resolvePropertyPlaceholders("{{" + description.key(feed.topic()) + "}}")
                + ":" + exchange.getMessage().getHeader("JMSMessageID");
        return new RejectedChange(source(), location, code, message);
    }

    @SuppressWarnings("unchecked")
    private SourceRecord mapped(Exchange exchange) {
        return personSpec.map(exchange.getMessage().getBody(Map.class), Instant.now(), ResponseDigest.of(exchange));
    }
}

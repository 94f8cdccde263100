package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.Capability;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code jms} section of a described connector: a department reached over JMS on its own Artemis broker, with
 * JSON message bodies. Queues and topics are named by parameters, so that each installation may set its own.
 *
 * @param personLookup request/reply on a queue, the department answering on a temporary reply queue
 * @param changeFeed   change events on a topic, each a person's whole record as of its time
 * @param delivery     applications as durable messages on a queue
 * @param decisions    the department's decisions, one message each, on a queue
 */
public record JmsDescription(Lookup personLookup, ChangeFeed changeFeed, Delivery delivery, Decisions decisions) {

    /** Parameters every described JMS connector has. */
    public static final List<String> PARAMETERS = List.of("broker-url", "user", "password", "sessions",
            "response-timeout-ms", "redeliveries", "redelivery-delay-ms");

    /** The sub-section describing each capability. */
    private static final Map<String, Capability> SECTIONS = Map.of("person-lookup", Capability.PERSON_LOOKUP,
            "change-feed", Capability.CHANGE_FEED,
            "delivery", Capability.SUBMISSION_DELIVERY, "decisions", Capability.DECISION_FEED);

    /**
     * @param queue     the parameter naming the request queue
     * @param request   the request's JSON fields and what each takes ({@code id})
     * @param status    the reply's header carrying the outcome: {@code found} with the record as body, or
     *                  {@code notFound}; any other value is the department's failure
     * @param oldNumber a miss under the 18-digit identity number is asked again under the old 15-digit one
     */
    public record Lookup(String queue, Map<String, String> request, String status, String found, String notFound,
                         boolean oldNumber) {
    }

    /**
     * @param topic        the parameter naming the topic
     * @param subscription the parameter naming the bus's durable, shared subscription
     * @param changedAt    the canonical field giving the time of the change (an event without it is rejected)
     */
    public record ChangeFeed(String topic, String subscription, String changedAt) {
    }

    /** @param body the message's JSON fields and what each takes from the submission */
    public record Delivery(String queue, Map<String, String> body) {
    }

    public record Decisions(String queue, DecisionDialect dialect) {
    }

    /** Reads the section, refusing what the kit could not run with the file and field named. */
    public static JmsDescription read(ConnectorDescription description) {
        String location = description.location();
        JsonNode section = ConnectorDescriptions.protocolSection(description, "jms", SECTIONS, Set.of(), Set.of());
        JmsDescription jms = new JmsDescription(lookup(location, section.path("person-lookup")),
                changeFeed(location, section.path("change-feed")), delivery(location, section.path("delivery")),
                decisions(location, section.path("decisions")));
        for (String parameter : jms.destinationParameters()) {
            if (!description.parameters().containsKey(parameter)) {
                throw new InvalidDescriptionException(location, "parameters." + parameter, "missing (the jms section "
                        + "names it)");
            }
        }
        return jms;
    }

    private List<String> destinationParameters() {
        List<String> parameters = new ArrayList<>();
        if (personLookup != null) {
            parameters.add(personLookup.queue());
        }
        if (changeFeed != null) {
            parameters.addAll(List.of(changeFeed.topic(), changeFeed.subscription()));
        }
        if (delivery != null) {
            parameters.add(delivery.queue());
        }
        if (decisions != null) {
            parameters.add(decisions.queue());
        }
        return parameters;
    }

    private static Lookup lookup(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "jms.person-lookup";
        ConnectorDescriptions.checkKeys(location, at + ".", node,
                Set.of("queue", "request", "status", "found", "not-found", "old-number"));
        Map<String, String> request = DescribedFields.read(location, node.path("request"), at + ".request",
                Set.of("id"));
        JsonNode oldNumber = node.path("old-number");
        if (!oldNumber.isMissingNode() && !oldNumber.isBoolean()) {
            throw new InvalidDescriptionException(location, at + ".old-number", "'" + oldNumber.asText()
                    + "' is not true or false");
        }
        if (node.path("found").asText().equals(node.path("not-found").asText())) {
            throw new InvalidDescriptionException(location, at + ".not-found", "the same as found");
        }
        return new Lookup(ConnectorDescriptions.text(location, node, at, "queue"), request,
                ConnectorDescriptions.text(location, node, at, "status"),
                ConnectorDescriptions.text(location, node, at, "found"),
                ConnectorDescriptions.text(location, node, at, "not-found"), oldNumber.asBoolean(false));
    }

    private static ChangeFeed changeFeed(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "jms.change-feed";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("topic", "subscription", "changed-at"));
        return new ChangeFeed(ConnectorDescriptions.text(location, node, at, "topic"),
                ConnectorDescriptions.text(location, node, at, "subscription"),
                ConnectorDescriptions.text(location, node, at, "changed-at"));
    }

    private static Delivery delivery(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "jms.delivery";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("queue", "body"));
        Map<String, String> body = DescribedFields.read(location, node.path("body"), at + ".body", null);
        return new Delivery(ConnectorDescriptions.text(location, node, at, "queue"), body);
    }

    private static Decisions decisions(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "jms.decisions";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("queue", "approved", "rejected", "results"));
        return new Decisions(ConnectorDescriptions.text(location, node, at, "queue"),
                DescribedDecisions.dialect(location, node, at));
    }
}

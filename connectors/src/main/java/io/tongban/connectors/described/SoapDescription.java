package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.Capability;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code soap} section of a described connector: the department's WSDL (in its folder), which operation serves
 * each capability, what goes into each request element's children, and which element of the answer carries what.
 * Request values are the call's own ({@code id}, and {@code name} for an identity check; {@code after} and
 * {@code limit} for the decision feed) or, for a delivery, what the submission gives (as in a REST delivery body).
 *
 * @param wsdl          the WSDL's classpath path
 * @param faultCode     the element of a fault's detail holding the department's fault code
 * @param notFound      the fault code meaning the department does not hold the subject
 */
public record SoapDescription(String wsdl, String faultCode, String notFound, Lookup personLookup,
                              IdentityCheck identityCheck, Delivery delivery, Decisions decisions) {

    /** How many decisions one FetchDecisions-like call asks for ({@code limit}). */
    static final int DECISION_PAGE = 500;

    private static final Set<String> KEYS =
            Set.of("wsdl", "fault", "person-lookup", "identity-check", "delivery", "decisions");

    /** @param record the answer's element holding the department's record */
    public record Lookup(String operation, Map<String, String> request, String record) {
    }

    /** @param answer the answer's element holding the verdict; {@code consistent} its value when name and number match */
    public record IdentityCheck(String operation, Map<String, String> request, String answer, String consistent) {
    }

    /** @param receipt the answer's element holding the department's receipt number */
    public record Delivery(String operation, Map<String, String> request, String receipt) {
    }

    /** @param list the answer's element, repeated, holding one decision record (办结结果) each */
    public record Decisions(String operation, Map<String, String> request, String list, DecisionDialect dialect) {
    }

    /** Reads the section, refusing what the kit could not run with the file and field named. */
    public static SoapDescription read(ConnectorDescription description) {
        String location = description.location();
        JsonNode section = description.section("soap");
        if (section.isMissingNode()) {
            throw new InvalidDescriptionException(location, "soap", "missing: a described soap connector names its "
                    + "WSDL and the operation of each capability");
        }
        ConnectorDescriptions.checkKeys(location, "soap.", section, KEYS);
        matches(description, section, "person-lookup", Capability.PERSON_LOOKUP);
        matches(description, section, "identity-check", Capability.IDENTITY_CHECK);
        matches(description, section, "delivery", Capability.SUBMISSION_DELIVERY);
        matches(description, section, "decisions", Capability.DECISION_FEED);
        if (description.capabilities().contains(Capability.ENTITY_LOOKUP)
                || description.capabilities().contains(Capability.CHANGE_FEED)) {
            throw new InvalidDescriptionException(location, "capabilities", "a described soap connector offers "
                    + "PERSON_LOOKUP, IDENTITY_CHECK, SUBMISSION_DELIVERY and DECISION_FEED");
        }
        JsonNode fault = section.path("fault");
        ConnectorDescriptions.checkKeys(location, "soap.fault.", fault, Set.of("code", "not-found"));
        String folder = location.substring(0, location.lastIndexOf('/'));
        String wsdl = ConnectorDescriptions.text(location, section, "soap", "wsdl");
        SoapDescription soap = new SoapDescription(wsdl.startsWith("/") ? wsdl.substring(1) : folder + "/" + wsdl,
                ConnectorDescriptions.text(location, fault, "soap.fault", "code"),
                ConnectorDescriptions.text(location, fault, "soap.fault", "not-found"),
                lookup(location, section.path("person-lookup")), identityCheck(location, section.path("identity-check")),
                delivery(location, section.path("delivery")), decisions(location, section.path("decisions")));
        soap.checkOperations(location);
        return soap;
    }

    /** Every described operation is one of the WSDL's, document/literal wrapped. */
    private void checkOperations(String location) {
        WsdlContract contract = WsdlContract.read(wsdl);
        Map<String, String> operations = new LinkedHashMap<>();
        if (personLookup != null) {
            operations.put("person-lookup", personLookup.operation());
        }
        if (identityCheck != null) {
            operations.put("identity-check", identityCheck.operation());
        }
        if (delivery != null) {
            operations.put("delivery", delivery.operation());
        }
        if (decisions != null) {
            operations.put("decisions", decisions.operation());
        }
        operations.forEach((key, operation) -> {
            try {
                contract.requestElement(operation);
                contract.responseElement(operation);
            } catch (InvalidDescriptionException e) {
                throw new InvalidDescriptionException(location, "soap." + key + ".operation", e.getMessage());
            }
        });
    }

    private static void matches(ConnectorDescription description, JsonNode section, String key, Capability capability) {
        boolean described = !section.path(key).isMissingNode();
        if (described != description.capabilities().contains(capability)) {
            throw new InvalidDescriptionException(description.location(), "soap." + key, described
                    ? "described, but " + capability + " is not among the capabilities"
                    : "missing: " + capability + " is among the capabilities");
        }
    }

    private static Lookup lookup(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "soap.person-lookup";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("operation", "request", "record"));
        return new Lookup(ConnectorDescriptions.text(location, node, at, "operation"),
                request(location, node, at, Set.of("id")), ConnectorDescriptions.text(location, node, at, "record"));
    }

    private static IdentityCheck identityCheck(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "soap.identity-check";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("operation", "request", "answer", "consistent"));
        return new IdentityCheck(ConnectorDescriptions.text(location, node, at, "operation"),
                request(location, node, at, Set.of("id", "name")), ConnectorDescriptions.text(location, node, at, "answer"),
                ConnectorDescriptions.text(location, node, at, "consistent"));
    }

    private static Delivery delivery(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "soap.delivery";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("operation", "request", "receipt"));
        return new Delivery(ConnectorDescriptions.text(location, node, at, "operation"),
                request(location, node, at, null),
                ConnectorDescriptions.text(location, node, at, "receipt"));
    }

    private static Decisions decisions(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "soap.decisions";
        ConnectorDescriptions.checkKeys(location, at + ".", node,
                Set.of("operation", "request", "list", "approved", "rejected", "results"));
        Map<String, String> results = new LinkedHashMap<>();
        node.path("results").fields().forEachRemaining(entry -> results.put(entry.getKey(), entry.getValue().asText()));
        return new Decisions(ConnectorDescriptions.text(location, node, at, "operation"),
                request(location, node, at, Set.of("after", "limit")), ConnectorDescriptions.text(location, node, at, "list"),
                new DecisionDialect(ConnectorDescriptions.text(location, node, at, "approved"),
                        ConnectorDescriptions.text(location, node, at, "rejected"), results));
    }

    /**
     * The request element's children, in the WSDL's order, each with what it takes: one of {@code values}, or for
     * a delivery ({@code values} null) what the submission gives.
     */
    private static Map<String, String> request(String location, JsonNode node, String at, Set<String> values) {
        JsonNode requestNode = node.path("request");
        if (!requestNode.isObject() || requestNode.isEmpty()) {
            throw new InvalidDescriptionException(location, at + ".request", "missing: the request element's children "
                    + "and what each takes");
        }
        Map<String, String> request = new LinkedHashMap<>();
        requestNode.fields().forEachRemaining(entry -> {
            String value = entry.getValue().asText();
            if (values == null ? !SubmissionFields.known(value) : !values.contains(value)) {
                throw new InvalidDescriptionException(location, at + ".request." + entry.getKey(), "'" + value
                        + "' is not one of " + (values == null ? SubmissionFields.VALUES + " or form.<field>" : values));
            }
            request.put(entry.getKey(), value);
        });
        return request;
    }
}

package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.Capability;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

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

    /** The sub-section describing each capability. */
    private static final Map<String, Capability> SECTIONS = Map.of("person-lookup", Capability.PERSON_LOOKUP,
            "identity-check", Capability.IDENTITY_CHECK,
            "delivery", Capability.SUBMISSION_DELIVERY, "decisions", Capability.DECISION_FEED);

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
        JsonNode section = ConnectorDescriptions.protocolSection(description, "soap", SECTIONS, Set.of(),
                Set.of("wsdl", "fault"));
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

    /**
     * Every described operation is one of the WSDL's, document/literal wrapped; each request child and each answer
     * element named is one its element declares.
     */
    private void checkOperations(String location) {
        WsdlContract contract = WsdlContract.read(wsdl);
        if (personLookup != null) {
            check(location, contract, "person-lookup", personLookup.operation(), personLookup.request(),
                    Map.of("record", personLookup.record()));
        }
        if (identityCheck != null) {
            check(location, contract, "identity-check", identityCheck.operation(), identityCheck.request(),
                    Map.of("answer", identityCheck.answer()));
        }
        if (delivery != null) {
            check(location, contract, "delivery", delivery.operation(), delivery.request(),
                    Map.of("receipt", delivery.receipt()));
        }
        if (decisions != null) {
            check(location, contract, "decisions", decisions.operation(), decisions.request(),
                    Map.of("list", decisions.list()));
        }
    }

    private static void check(String location, WsdlContract contract, String key, String operation,
                              Map<String, String> request, Map<String, String> answer) {
        String at = "soap." + key;
        QName requestElement;
        QName responseElement;
        try {
            requestElement = contract.requestElement(operation);
            responseElement = contract.responseElement(operation);
        } catch (InvalidDescriptionException e) {
            throw new InvalidDescriptionException(location, at + ".operation", e.getMessage());
        }
        Set<String> asked = contract.childrenOf(requestElement);
        for (String child : request.keySet()) {
            if (!asked.contains(child)) {
                throw new InvalidDescriptionException(location, at + ".request." + child, "not a child of "
                        + requestElement.getLocalPart() + " in the WSDL " + asked);
            }
        }
        Set<String> answered = contract.childrenOf(responseElement);
        answer.forEach((field, element) -> {
            if (!answered.contains(element)) {
                throw new InvalidDescriptionException(location, at + "." + field, "'" + element + "' is not a child of "
                        + responseElement.getLocalPart() + " in the WSDL " + answered);
            }
        });
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
                request(location, node, at, Set.of("id", "name")),
                ConnectorDescriptions.text(location, node, at, "answer"),
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
        return new Decisions(ConnectorDescriptions.text(location, node, at, "operation"),
                request(location, node, at, Set.of("after", "limit")),
                ConnectorDescriptions.text(location, node, at, "list"),
                DescribedDecisions.dialect(location, node, at));
    }

    /** The request element's children and what each takes: one of {@code values}, or ({@code null}) a submission's. */
    private static Map<String, String> request(String location, JsonNode node, String at, Set<String> values) {
        return DescribedFields.read(location, node.path("request"), at + ".request", values);
    }
}

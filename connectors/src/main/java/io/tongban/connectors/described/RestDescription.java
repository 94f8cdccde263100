package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.Capability;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rest} section of a described connector: where the department's system answers each capability and
 * how its bodies read. Paths are templates on the {@code url} parameter: {@code {id}} is the subject's identifier,
 * {@code {after}} the position of the last decision the bus applied.
 *
 * @param xml          bodies are XML ({@code rest-xml}); otherwise JSON
 * @param personLookup GET path of a person's record, or null
 * @param entityLookup GET path of a legal entity's record, or null
 */
public record RestDescription(boolean xml, String personLookup, String entityLookup, Delivery delivery,
                              Decisions decisions) {

    /** Parameters every described REST connector has. */
    public static final List<String> PARAMETERS =
            List.of("url", "connect-timeout-ms", "response-timeout-ms", "redeliveries", "redelivery-delay-ms");

    /** The sub-section describing each capability. */
    private static final Map<String, Capability> SECTIONS = Map.of("person-lookup", Capability.PERSON_LOOKUP,
            "entity-lookup", Capability.ENTITY_LOOKUP,
            "delivery", Capability.SUBMISSION_DELIVERY, "decisions", Capability.DECISION_FEED);

    /**
     * @param root    the XML body's root element (rest-xml only)
     * @param body    the department's field to what it takes from the submission, in the department's order
     * @param receipt the answer's field holding the department's receipt number
     */
    public record Delivery(String path, String root, Map<String, String> body, String receipt) {
    }

    /**
     * @param list the answer's field holding the decision records (办结结果)
     */
    public record Decisions(String path, String list, DecisionDialect dialect) {
    }

    /** Reads the section, refusing what the kit could not run with the file and field named. */
    public static RestDescription read(ConnectorDescription description) {
        String location = description.location();
        JsonNode section = ConnectorDescriptions.protocolSection(description, "rest", SECTIONS,
                Set.of(Capability.CHANGE_FEED), Set.of());
        boolean xml = description.protocol().equals("rest-xml");
        return new RestDescription(xml, lookupPath(location, section, "person-lookup"),
                lookupPath(location, section, "entity-lookup"), delivery(location, section.path("delivery"), xml),
                decisions(location, section.path("decisions")));
    }

    private static String lookupPath(String location, JsonNode section, String key) {
        JsonNode lookup = section.path(key);
        if (lookup.isMissingNode()) {
            return null;
        }
        ConnectorDescriptions.checkKeys(location, "rest." + key + ".", lookup, Set.of("path"));
        return path(location, lookup, "rest." + key, "{id}");
    }

    private static Delivery delivery(String location, JsonNode node, boolean xml) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "rest.delivery";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("path", "root", "body", "receipt"));
        String root = null;
        if (xml) {
            root = ConnectorDescriptions.text(location, node, at, "root");
        } else if (node.has("root")) {
            throw new InvalidDescriptionException(location, at + ".root", "only an XML body has a root element");
        }
        Map<String, String> body = DescribedFields.read(location, node.path("body"), at + ".body", null);
        return new Delivery(path(location, node, at, null), root, body,
                ConnectorDescriptions.text(location, node, at, "receipt"));
    }

    private static Decisions decisions(String location, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String at = "rest.decisions";
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("path", "list", "approved", "rejected", "results"));
        return new Decisions(path(location, node, at, "{after}"), ConnectorDescriptions.text(location, node, at, "list"),
                DescribedDecisions.dialect(location, node, at));
    }

    private static String path(String location, JsonNode node, String at, String placeholder) {
        String path = ConnectorDescriptions.text(location, node, at, "path");
        if (!path.startsWith("/")) {
            throw new InvalidDescriptionException(location, at + ".path", "'" + path + "' does not start with /");
        }
        if (placeholder != null && !path.contains(placeholder)) {
            throw new InvalidDescriptionException(location, at + ".path", "'" + path + "' does not say where "
                    + placeholder + " goes");
        }
        return path;
    }
}

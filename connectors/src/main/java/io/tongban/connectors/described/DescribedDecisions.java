package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a described decision feed words its decisions, whatever the protocol: approved, rejected, results. */
final class DescribedDecisions {

    private DescribedDecisions() {
    }

    /** Reads {@code approved}, {@code rejected} and the optional {@code results} mapping of a decisions section. */
    static DecisionDialect dialect(String location, JsonNode node, String at) {
        String approved = ConnectorDescriptions.text(location, node, at, "approved");
        String rejected = ConnectorDescriptions.text(location, node, at, "rejected");
        if (approved.equals(rejected)) {
            throw new InvalidDescriptionException(location, at + ".rejected", "the same as approved");
        }
        JsonNode resultsNode = node.path("results");
        if (!resultsNode.isMissingNode() && !resultsNode.isObject()) {
            throw new InvalidDescriptionException(location, at + ".results", "not a mapping (the department's field "
                    + "-> the result it carries)");
        }
        Map<String, String> results = new LinkedHashMap<>();
        resultsNode.fields().forEachRemaining(entry -> results.put(entry.getKey(), entry.getValue().asText()));
        return new DecisionDialect(approved, rejected, results);
    }
}

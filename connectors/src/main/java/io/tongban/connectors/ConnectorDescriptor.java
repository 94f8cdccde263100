package io.tongban.connectors;

import io.tongban.mappings.SubjectType;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The connector contract. A department joins the bus by registering one descriptor bean that names, per
 * capability, the Camel endpoint serving it; the core discovers descriptors and never names a department.
 *
 * @param source      the line system's code, as in provenance and configuration keys ({@code bus.connectors.<source>})
 * @param endpoints   capability to the endpoint that serves it ({@code direct:<department>.<system>.<action>})
 * @param contributes the canonical fields its lookups can deliver, by subject type (its mapping specs' targets):
 *                    the bus asks a department only when the answer may release one of them
 */
public record ConnectorDescriptor(String source, Map<Capability, String> endpoints,
                                  Map<SubjectType, Set<String>> contributes) {

    /** Where change feeds deliver {@link io.tongban.mappings.SourceRecord}s (possibly partial) for the shared base. */
    public static final String CHANGES_ENDPOINT = "direct:bus.base.changes";

    /** Where change feeds report a change they could not apply; body: a {@link RejectedChange}. */
    public static final String REJECTIONS_ENDPOINT = "direct:bus.base.change-rejected";

    /**
     * Where decision feeds deliver {@link DepartmentDecision}s: a {@code List} of them in feed order (a page of a
     * polled feed, or the one decision of a message), which the bus applies together in one transaction.
     */
    public static final String DECISIONS_ENDPOINT = "direct:bus.submissions.decisions";

    /**
     * Body in: the connector's source; body out: the position (a Long) of the last decision the bus applied, 0 if none,
     * or no body while the bus awaits no decision from the department (a poll then does not ask it).
     */
    public static final String DECISION_POSITION_ENDPOINT = "direct:bus.submissions.decision-position";

    public ConnectorDescriptor {
        endpoints = Map.copyOf(endpoints);
        contributes = Map.copyOf(contributes);
    }

    /** Whether a lookup of this subject type could deliver any of these canonical fields. */
    public boolean contributesAny(SubjectType type, Collection<String> fields) {
        Set<String> own = contributes.getOrDefault(type, Set.of());
        return fields.stream().anyMatch(own::contains);
    }

    public boolean offers(Capability capability) {
        return endpoints.containsKey(capability);
    }

    public String endpoint(Capability capability) {
        return endpoints.get(capability);
    }
}

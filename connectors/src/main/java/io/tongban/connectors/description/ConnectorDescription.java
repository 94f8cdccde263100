package io.tongban.connectors.description;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A department's connector as its {@code departments/<source>/connector.yaml} describes it (format in
 * connectors/README.md): who it is, what it can do, the protocol it speaks, its parameters and breaker settings.
 * Read and checked by {@link ConnectorDescriptions}.
 *
 * @param location       the description's classpath path, for messages
 * @param implementation {@code described} when the description and mapping specs are the whole connector (a
 *                       protocol the kit speaks, in its own section), {@code java} when code does the work
 * @param breaker        resilience4j settings, {@code camel.resilience4j.configurations.<source>.<key>}
 * @param specs          the mapping spec per subject type, as classpath paths
 * @param document       the whole description as read, for the sections of the protocol it speaks
 */
public record ConnectorDescription(String location, String source, Map<String, String> names, String protocol,
                                   String implementation, Set<Capability> capabilities,
                                   Map<String, Parameter> parameters, Map<String, String> breaker,
                                   Map<SubjectType, String> specs, JsonNode document) {

    public static final String DESCRIBED = "described";
    public static final String JAVA = "java";

    public ConnectorDescription {
        names = Map.copyOf(names);
        capabilities = Set.copyOf(capabilities);
        parameters = Map.copyOf(parameters);
        breaker = Map.copyOf(breaker);
        specs = Map.copyOf(specs);
    }

    /** The configuration key of one of its parameters. */
    public String key(String parameter) {
        return "bus.connectors." + source + "." + parameter;
    }

    /** The configuration key of one of its breaker settings. */
    public String breakerKey(String setting) {
        return "camel.resilience4j.configurations." + source + "." + setting;
    }

    /** One section of the description ({@code rest}, {@code change-file}), missing when it has none. */
    public JsonNode section(String key) {
        return document.path(key);
    }

    /**
     * The descriptor the core finds the connector by: the endpoint serving each described capability, and the
     * canonical fields its specs can deliver.
     *
     * @throws InvalidDescriptionException when the endpoints serve other capabilities than described
     */
    public ConnectorDescriptor descriptor(Map<Capability, String> endpoints) {
        if (!endpoints.keySet().equals(capabilities)) {
            throw new InvalidDescriptionException(location, "capabilities", "described " + new TreeSet<>(capabilities)
                    + ", but the connector serves " + new TreeSet<>(endpoints.keySet()));
        }
        Map<SubjectType, Set<String>> contributes = new EnumMap<>(SubjectType.class);
        specs.forEach((type, spec) -> contributes.put(type, MappingEngine.fromClasspath(spec).targets()));
        return new ConnectorDescriptor(source, endpoints, contributes);
    }

    public boolean described() {
        return DESCRIBED.equals(implementation);
    }
}

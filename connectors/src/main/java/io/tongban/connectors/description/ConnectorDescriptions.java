package io.tongban.connectors.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tongban.connectors.Capability;
import io.tongban.connectors.described.ChangeFileDescription;
import io.tongban.connectors.described.JmsDescription;
import io.tongban.connectors.described.RestDescription;
import io.tongban.connectors.described.SoapDescription;
import io.tongban.mappings.CanonicalModel;
import io.tongban.mappings.DepartmentFolders;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks the department descriptions on the classpath ({@code departments/<source>/connector.yaml}).
 * Every problem is refused when the bus loads, naming the file and the field: an unknown key or capability, a
 * parameter without its documentation, a protocol section the kit cannot run, a spec that writes a field the
 * canonical model does not have, a department call timeout that does not nest inside the breaker's.
 */
public final class ConnectorDescriptions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("source", "names", "description", "protocol", "implementation",
            "capabilities", "parameters", "breaker", "specs", "rest", "soap", "jms", "change-file", "canonical-fields");
    private static final Set<String> PARAMETER_KEYS =
            Set.of("title", "description", "type", "default", "example", "sandbox", "secret");
    private static final Set<String> PARAMETER_TYPES = Set.of("string", "integer", "url", "path", "boolean");
    private static final Set<String> PROTOCOLS = Set.of("rest-json", "rest-xml", "soap", "jms", "file");
    /** Resilience4j settings a description may give. */
    private static final Set<String> BREAKER_SETTINGS = Set.of("sliding-window-size", "minimum-number-of-calls",
            "failure-rate-threshold", "wait-duration-in-open-state", "permitted-number-of-calls-in-half-open-state",
            "timeout-duration");
    /** The bus's breaker settings for those a description leaves out (durations: the wait in s, the timeout in ms). */
    private static final Map<String, String> BREAKER_DEFAULTS = Map.of(
            "sliding-window-size", "20", "minimum-number-of-calls", "10", "failure-rate-threshold", "50",
            "wait-duration-in-open-state", "10", "timeout-duration", "2500");
    /** The department call timeouts that must end before the breaker gives up on the call. */
    static final List<String> CALL_TIMEOUTS = List.of("connect-timeout-ms", "response-timeout-ms");

    private static volatile List<ConnectorDescription> all;

    private ConnectorDescriptions() {
    }

    /** Every description on the classpath, read and checked once. */
    public static List<ConnectorDescription> all() {
        List<ConnectorDescription> found = all;
        if (found == null) {
            try {
                // the fields the departments contribute, first: each spec below is checked against them
                CanonicalModel.standard();
            } catch (MappingException e) {
                throw new InvalidDescriptionException(e.getMessage().replaceFirst("^canonical model ", ""));
            }
            List<ConnectorDescription> read = new ArrayList<>();
            for (String location : DepartmentFolders.descriptions()) {
                read.add(read(location));
            }
            found = List.copyOf(read);
            all = found;
        }
        return found;
    }

    /** The description of one department. */
    public static ConnectorDescription of(String source) {
        return all().stream().filter(description -> description.source().equals(source)).findFirst()
                .orElseThrow(() -> new InvalidDescriptionException(DepartmentFolders.ROOT + "/" + source + "/"
                        + DepartmentFolders.DESCRIPTION, "source", "no such description on the classpath"));
    }

    /** Reads and checks one description. */
    public static ConnectorDescription read(String location) {
        JsonNode root = readYaml(location);
        checkKeys(location, "", root, KEYS);
        String source = text(location, root, "source");
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidDescriptionException(location, "source", "'" + source + "' is not lower-case words joined by hyphens");
        }
        String folder = location.substring(0, location.lastIndexOf('/'));
        if (!folder.endsWith("/" + source)) {
            throw new InvalidDescriptionException(location, "source", "'" + source + "' is not the folder's name");
        }
        String protocol = text(location, root, "protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw new InvalidDescriptionException(location, "protocol", "unknown protocol '" + protocol + "' (known: "
                    + new TreeSet<>(PROTOCOLS) + ")");
        }
        String implementation = root.path("implementation").asText(ConnectorDescription.DESCRIBED);
        if (!Set.of(ConnectorDescription.DESCRIBED, ConnectorDescription.JAVA).contains(implementation)) {
            throw new InvalidDescriptionException(location, "implementation", "'" + implementation
                    + "' is neither described nor java");
        }
        Map<String, Parameter> parameters = parameters(location, root.path("parameters"));
        Map<String, String> breaker = breaker(location, root.path("breaker"));
        checkCallTimeouts(location, parameters, breaker);
        ConnectorDescription description = new ConnectorDescription(location, source, names(location, root),
                protocol, implementation, capabilities(location, root.path("capabilities")), parameters, breaker,
                specs(location, folder, root.path("specs")), root);
        if (description.described()) {
            checkDescribed(description);
        }
        checkSpecs(description);
        return description;
    }

    private static JsonNode readYaml(String location) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = (context != null ? context : ConnectorDescriptions.class.getClassLoader()).getResource(location);
        if (url == null) {
            throw new InvalidDescriptionException(location, "(file)", "no such classpath resource");
        }
        try (InputStream in = url.openStream()) {
            JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidDescriptionException(location, "(file)", "not a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidDescriptionException(location, "(file)", "not valid YAML: " + e.getMessage());
        }
    }

    private static Map<String, String> names(String location, JsonNode root) {
        JsonNode names = root.path("names");
        if (!names.isObject() || names.isEmpty()) {
            throw new InvalidDescriptionException(location, "names", "missing: the department's name, by language (zh, en)");
        }
        checkKeys(location, "names.", names, Set.of("zh", "en"));
        Map<String, String> result = new LinkedHashMap<>();
        names.fields().forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue().asText()));
        return result;
    }

    private static Set<Capability> capabilities(String location, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidDescriptionException(location, "capabilities", "missing: a list of "
                    + Arrays.toString(Capability.values()));
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (JsonNode item : node) {
            try {
                capabilities.add(Capability.valueOf(item.asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidDescriptionException(location, "capabilities", "unknown capability '" + item.asText()
                        + "' (known: " + Arrays.toString(Capability.values()) + ")");
            }
        }
        return capabilities;
    }

    private static Map<String, Parameter> parameters(String location, JsonNode node) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return parameters;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = "parameters." + entry.getKey();
            JsonNode value = entry.getValue();
            checkKeys(location, at + ".", value, PARAMETER_KEYS);
            String type = value.path("type").asText();
            if (!PARAMETER_TYPES.contains(type)) {
                throw new InvalidDescriptionException(location, at + ".type", "'" + type + "' is not one of "
                        + new TreeSet<>(PARAMETER_TYPES));
            }
            boolean secret = value.path("secret").asBoolean(false);
            String defaultValue = value.hasNonNull("default") ? value.get("default").asText() : null;
            if (secret && defaultValue != null) {
                throw new InvalidDescriptionException(location, at + ".default", "a secret has no default");
            }
            if (defaultValue != null) {
                checkType(location, at + ".default", type, defaultValue);
            }
            parameters.put(entry.getKey(), new Parameter(entry.getKey(), text(location, value, at, "title"),
                    text(location, value, at, "description"), type, defaultValue,
                    value.hasNonNull("example") ? value.get("example").asText() : null,
                    value.hasNonNull("sandbox") ? value.get("sandbox").asText() : null, secret));
        }
        return parameters;
    }

    private static void checkType(String location, String at, String type, String value) {
        boolean fits = switch (type) {
            case "integer" -> value.matches("-?\\d+");
            case "boolean" -> value.equals("true") || value.equals("false");
            default -> true;
        };
        if (!fits) {
            throw new InvalidDescriptionException(location, at, "'" + value + "' is not " + type);
        }
    }

    private static Map<String, String> breaker(String location, JsonNode node) {
        Map<String, String> breaker = new LinkedHashMap<>(BREAKER_DEFAULTS);
        if (node.isMissingNode()) {
            return breaker;
        }
        checkKeys(location, "breaker.", node, BREAKER_SETTINGS);
        node.fields().forEachRemaining(entry -> {
            checkType(location, "breaker." + entry.getKey(), "integer", entry.getValue().asText());
            breaker.put(entry.getKey(), entry.getValue().asText());
        });
        return breaker;
    }

    /** As described: each call timeout's default ends before the breaker stops waiting for the call. */
    private static void checkCallTimeouts(String location, Map<String, Parameter> parameters, Map<String, String> breaker) {
        long breakerTimeout = Long.parseLong(breaker.get("timeout-duration"));
        for (String timeout : CALL_TIMEOUTS) {
            Parameter parameter = parameters.get(timeout);
            if (parameter != null && parameter.defaultValue() != null
                    && Long.parseLong(parameter.defaultValue()) >= breakerTimeout) {
                throw new InvalidDescriptionException(location, "parameters." + timeout + ".default", parameter.defaultValue()
                        + " ms does not nest inside breaker.timeout-duration (" + breakerTimeout + " ms)");
            }
        }
    }

    private static Map<SubjectType, String> specs(String location, String folder, JsonNode node) {
        Map<SubjectType, String> specs = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return specs;
        }
        checkKeys(location, "specs.", node, Set.of("person", "legal-entity"));
        node.fields().forEachRemaining(entry -> {
            String path = entry.getValue().asText();
            specs.put(entry.getKey().equals("person") ? SubjectType.PERSON : SubjectType.LEGAL_ENTITY,
                    path.startsWith("/") ? path.substring(1) : folder + "/" + path);
        });
        return specs;
    }

    /** Each lookup needs the spec of its subject type, and each spec must load against the canonical model. */
    private static void checkSpecs(ConnectorDescription description) {
        Map<Capability, SubjectType> lookups =
                Map.of(Capability.PERSON_LOOKUP, SubjectType.PERSON, Capability.ENTITY_LOOKUP, SubjectType.LEGAL_ENTITY);
        lookups.forEach((capability, type) -> {
            if (description.capabilities().contains(capability) && !description.specs().containsKey(type)) {
                throw new InvalidDescriptionException(description.location(), "specs." + specKey(type),
                        "missing: " + capability + " needs the mapping spec of a " + type);
            }
        });
        description.specs().forEach((type, spec) -> {
            try {
                MappingEngine engine = MappingEngine.fromClasspath(spec);
                if (engine.subjectType() != type || !engine.source().equals(description.source())) {
                    throw new InvalidDescriptionException(description.location(), "specs." + specKey(type),
                            spec + " maps " + engine.subjectType() + " records of '" + engine.source() + "'");
                }
            } catch (MappingException e) {
                throw new InvalidDescriptionException(description.location(), "specs." + specKey(type), e.getMessage());
            }
        });
    }

    private static String specKey(SubjectType type) {
        return type == SubjectType.PERSON ? "person" : "legal-entity";
    }

    /** A described connector: the kit must be able to run every capability from the description alone. */
    private static void checkDescribed(ConnectorDescription description) {
        String protocol = description.protocol();
        if (protocol.equals("file")) {
            if (!description.capabilities().equals(Set.of(Capability.CHANGE_FEED))) {
                throw new InvalidDescriptionException(description.location(), "capabilities", "a department that "
                        + "drops files offers CHANGE_FEED only");
            }
            checkChangeFile(description);
            return;
        }
        for (String needed : protocol.equals("jms") ? JmsDescription.PARAMETERS : RestDescription.PARAMETERS) {
            requireParameter(description, needed, "a described " + protocol + " connector");
        }
        if (description.capabilities().contains(Capability.DECISION_FEED) && !protocol.equals("jms")) {
            requireParameter(description, "decision-poll-interval", "a polled DECISION_FEED");
        }
        switch (protocol) {
            case "soap" -> SoapDescription.read(description);
            case "jms" -> JmsDescription.read(description);
            default -> checkRest(description);
        }
    }

    private static void checkRest(ConnectorDescription description) {
        RestDescription.read(description);
        checkChangeFile(description);
    }

    private static void checkChangeFile(ConnectorDescription description) {
        if (description.capabilities().contains(Capability.CHANGE_FEED)) {
            ChangeFileDescription feed = ChangeFileDescription.read(description);
            requireParameter(description, feed.directoryParameter(), "change-file.directory");
        } else if (!description.section("change-file").isMissingNode()) {
            throw new InvalidDescriptionException(description.location(), "change-file",
                    "described, but CHANGE_FEED is not among the capabilities");
        }
    }

    private static void requireParameter(ConnectorDescription description, String name, String why) {
        if (!description.parameters().containsKey(name)) {
            throw new InvalidDescriptionException(description.location(), "parameters." + name, "missing (" + why
                    + " needs it)");
        }
    }

    /**
     * The protocol's section of a described connector ({@code rest}, {@code soap}, {@code jms}), refused with the
     * file and field named when it is missing, has an unknown key, lacks the sub-section of a capability the
     * description offers or has one of a capability it does not, or when the description offers a capability the
     * protocol cannot describe.
     *
     * @param capabilities the sub-section describing each capability, in the section
     * @param elsewhere    capabilities described outside the section (a REST department's change-file)
     * @param otherKeys    the section's keys beside the capabilities' sub-sections
     */
    public static JsonNode protocolSection(ConnectorDescription description, String name,
                                           Map<String, Capability> capabilities, Set<Capability> elsewhere,
                                           Set<String> otherKeys) {
        String location = description.location();
        JsonNode section = description.section(name);
        if (section.isMissingNode()) {
            throw new InvalidDescriptionException(location, name, "missing: a described " + description.protocol()
                    + " connector describes its capabilities " + capabilities.keySet() + " there");
        }
        Set<String> keys = new HashSet<>(otherKeys);
        keys.addAll(capabilities.keySet());
        checkKeys(location, name + ".", section, keys);
        capabilities.forEach((key, capability) -> {
            boolean described = !section.path(key).isMissingNode();
            if (described != description.capabilities().contains(capability)) {
                throw new InvalidDescriptionException(location, name + "." + key, described
                        ? "described, but " + capability + " is not among the capabilities"
                        : "missing: " + capability + " is among the capabilities");
            }
        });
        for (Capability capability : description.capabilities()) {
            if (!capabilities.containsValue(capability) && !elsewhere.contains(capability)) {
                throw new InvalidDescriptionException(location, "capabilities", "a described " + description.protocol()
                        + " connector cannot describe " + capability);
            }
        }
        return section;
    }

    /** Refuses a key the section does not define, so that a misspelt key fails at load instead of being ignored. */
    public static void checkKeys(String location, String at, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw new InvalidDescriptionException(location, at.isEmpty() ? "(file)" : at.substring(0, at.length() - 1),
                    "not a mapping");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new InvalidDescriptionException(location, at + key, "unknown key (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(String location, JsonNode node, String field) {
        return text(location, node, "", field);
    }

    /** A field that must be non-blank text. */
    public static String text(String location, JsonNode node, String at, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new InvalidDescriptionException(location, (at.isEmpty() ? "" : at + ".") + field, "missing");
        }
        return value.asText();
    }
}

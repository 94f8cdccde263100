package io.tongban.connectors.description;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Whether a department's connector runs: {@code bus.connectors.<source>.enabled} says so when set; otherwise it runs
 * when every parameter without a default is configured (its URL, its broker), so that a connector on the classpath
 * but not configured stays off instead of failing the start or reaching for a system nobody named.
 */
public final class ConnectorSwitch {

    private ConnectorSwitch() {
    }

    public static boolean on(ConnectorDescription description, Environment environment) {
        String enabled = environment.getProperty(description.key("enabled"));
        if (enabled != null) {
            return Boolean.parseBoolean(enabled.trim());
        }
        return missing(description, environment).isEmpty();
    }

    /** The parameters without a default that nothing configures. */
    public static List<String> missing(ConnectorDescription description, Environment environment) {
        return description.parameters().values().stream().filter(Parameter::required)
                .map(Parameter::name)
                .filter(name -> {
                    String value = environment.getProperty(description.key(name));
                    return value == null || value.isBlank();
                })
                .toList();
    }
}

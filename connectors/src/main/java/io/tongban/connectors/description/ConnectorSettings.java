package io.tongban.connectors.description;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Puts what the department descriptions say into the bus's configuration, below everything the operator
 * configures: each parameter's default ({@code bus.connectors.<source>.<name>}), under the sandbox profile its
 * sandbox value, and each breaker setting ({@code camel.resilience4j.configurations.<source>.*}, always bounded in
 * time). Then checks, with the values in force, that every department call ends before its breaker stops waiting,
 * and the breaker before the lookup does: a start that would let a lookup time out first is refused.
 */
public class ConnectorSettings implements EnvironmentPostProcessor {

    /** The profile of the embedded sandbox line systems. */
    public static final String SANDBOX_PROFILE = "sandbox";
    private static final String LOOKUP_TIMEOUT = "bus.lookup.timeout-ms";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, Object> sandbox = new LinkedHashMap<>();
        for (ConnectorDescription description : ConnectorDescriptions.all()) {
            description.parameters().values().forEach(parameter -> {
                if (parameter.defaultValue() != null) {
                    defaults.put(description.key(parameter.name()), parameter.defaultValue());
                }
                if (parameter.sandboxValue() != null) {
                    sandbox.put(description.key(parameter.name()), parameter.sandboxValue());
                }
            });
            description.breaker().forEach((setting, value) -> defaults.put(description.breakerKey(setting), value));
            defaults.put(description.breakerKey("timeout-enabled"), "true");
        }
        if (environment.acceptsProfiles(Profiles.of(SANDBOX_PROFILE))) {
            environment.getPropertySources().addLast(new MapPropertySource("connector sandbox values", sandbox));
        }
        environment.getPropertySources().addLast(new MapPropertySource("connector defaults", defaults));
        for (ConnectorDescription description : ConnectorDescriptions.all()) {
            if (ConnectorSwitch.on(description, environment)) {
                checkTimeoutsNest(description, environment);
            }
        }
    }

    private static void checkTimeoutsNest(ConnectorDescription description, ConfigurableEnvironment environment) {
        String breakerKey = description.breakerKey("timeout-duration");
        long breaker = environment.getRequiredProperty(breakerKey, Long.class);
        for (String timeout : ConnectorDescriptions.CALL_TIMEOUTS) {
            Long call = environment.getProperty(description.key(timeout), Long.class);
            if (call != null && call >= breaker) {
                throw new InvalidDescriptionException(description.location(), "parameters." + timeout, call + " ms ("
                        + description.key(timeout) + ") does not nest inside the breaker's " + breaker + " ms ("
                        + breakerKey + ")");
            }
        }
        Long lookup = environment.getProperty(LOOKUP_TIMEOUT, Long.class);
        if (lookup != null && breaker >= lookup) {
            throw new InvalidDescriptionException(description.location(), "breaker.timeout-duration", breaker + " ms ("
                    + breakerKey + ") does not nest inside the lookup's " + lookup + " ms (" + LOOKUP_TIMEOUT + ")");
        }
    }
}

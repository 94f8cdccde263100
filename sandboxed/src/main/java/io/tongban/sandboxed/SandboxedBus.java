package io.tongban.sandboxed;

import io.tongban.connectors.description.ConnectorSettings;
import io.tongban.routes.BusApplication;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * The one-command start: the bus with its embedded defaults and the four sandbox line systems inside it, under the
 * sandbox profile unless another profile is chosen. The bus's own jar (routes) ships without the sandbox; this
 * launcher is what {@code ./run-bus} starts.
 */
public final class SandboxedBus {

    private SandboxedBus() {
    }

    public static void main(String[] args) {
        SpringApplication bus = new SpringApplication(BusApplication.class);
        bus.setDefaultProperties(Map.of("spring.profiles.default", ConnectorSettings.SANDBOX_PROFILE));
        bus.run(args);
    }
}

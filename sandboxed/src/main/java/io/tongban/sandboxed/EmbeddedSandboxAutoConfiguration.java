package io.tongban.sandboxed;

import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Runs the four sandbox line systems inside the bus, each on its own port and protocol, so that one command starts
 * a bus with departments to talk to (the sandbox profile sets {@code bus.sandbox.embedded}). The connectors still
 * reach them over the network like real departments.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "bus.sandbox.embedded", havingValue = "true")
public class EmbeddedSandboxAutoConfiguration {

    @Bean(destroyMethod = "close")
    Sandbox sandbox(@Value("${bus.data-dir}") Path dataDir,
                    @Value("${bus.connectors.market-supervision.feed-directory}") Path feedDirectory,
                    @Value("${bus.sandbox.decision-delay}") Duration decisionDelay) {
        return Sandbox.start(SandboxConfig.builder()
                .feedDirectory(feedDirectory)
                .decisionDelay(decisionDelay)
                .brokerDataDirectory(dataDir.resolve("sandbox-broker"))
                .build());
    }
}

package io.tongban.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and with what data the sandbox runs. A port of 0 means "pick a free port"; the started
 * {@link Sandbox} reports the ports it took.
 *
 * @param brokerDataDirectory the Artemis journal; null means a temporary directory removed on close
 * @param clock dates the change files, change events, receipts and decisions (Asia/Shanghai by default)
 * @param decisionDelay how long after receipt a department decides an application (PT0S: as soon as possible)
 */
public record SandboxConfig(String host, int publicSecurityPort, int marketPort, int taxPort, int socialBrokerPort,
                            int adminPort, long seed, int persons, int entities, Path feedDirectory,
                            Path brokerDataDirectory, Clock clock, Duration decisionDelay) {

    public SandboxConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(feedDirectory, "feedDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(decisionDelay, "decisionDelay");
        if (decisionDelay.isNegative()) {
            throw new IllegalArgumentException("sandbox.invalid_decision_delay: " + decisionDelay);
        }
        for (int port : new int[] {publicSecurityPort, marketPort, taxPort, socialBrokerPort, adminPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("sandbox.invalid_port: " + port);
            }
        }
    }

    public static SandboxConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).publicSecurityPort(publicSecurityPort).marketPort(marketPort).taxPort(taxPort)
                .socialBrokerPort(socialBrokerPort).adminPort(adminPort).seed(seed).persons(persons).entities(entities)
                .feedDirectory(feedDirectory).brokerDataDirectory(brokerDataDirectory).clock(clock)
                .decisionDelay(decisionDelay);
    }

    /** Builder starting from the documented defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int publicSecurityPort = 8091;
        private int marketPort = 8092;
        private int taxPort = 8093;
        private int socialBrokerPort = 61617;
        private int adminPort = 8099;
        private long seed = 20261124L;
        private int persons = 2000;
        private int entities = 500;
        private Path feedDirectory = Path.of("data", "feeds", "market-supervision");
        private Path brokerDataDirectory;
        private Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        private Duration decisionDelay = Duration.ofSeconds(2);

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder publicSecurityPort(int value) {
            publicSecurityPort = value;
            return this;
        }

        public Builder marketPort(int value) {
            marketPort = value;
            return this;
        }

        public Builder taxPort(int value) {
            taxPort = value;
            return this;
        }

        public Builder socialBrokerPort(int value) {
            socialBrokerPort = value;
            return this;
        }

        public Builder adminPort(int value) {
            adminPort = value;
            return this;
        }

        /** Every port 0: what tests want, so that they never collide with a running sandbox. */
        public Builder freePorts() {
            return publicSecurityPort(0).marketPort(0).taxPort(0).socialBrokerPort(0).adminPort(0);
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder persons(int value) {
            persons = value;
            return this;
        }

        public Builder entities(int value) {
            entities = value;
            return this;
        }

        public Builder feedDirectory(Path value) {
            feedDirectory = value;
            return this;
        }

        public Builder brokerDataDirectory(Path value) {
            brokerDataDirectory = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder decisionDelay(Duration value) {
            decisionDelay = value;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(host, publicSecurityPort, marketPort, taxPort, socialBrokerPort, adminPort, seed,
                    persons, entities, feedDirectory, brokerDataDirectory, clock, decisionDelay);
        }
    }
}

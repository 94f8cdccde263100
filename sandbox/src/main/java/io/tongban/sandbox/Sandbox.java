package io.tongban.sandbox;

import io.tongban.sandbox.admin.AdminApi;
import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.http.SwitchableHttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.market.ChangeFile;
import io.tongban.sandbox.market.MarketSupervisionSystem;
import io.tongban.sandbox.publicsecurity.PublicSecuritySystem;
import io.tongban.sandbox.seed.Seed;
import io.tongban.sandbox.seed.SocialInsurance;
import io.tongban.sandbox.socialsecurity.SocialSecuritySystem;
import io.tongban.sandbox.tax.TaxSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The four department line systems, each a real server on its own protocol, plus an admin server
 * for knobs and feeds. {@link #start} starts everything; {@link #close} stops everything.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final SandboxConfig config;
    private final Seed seed;
    private final Map<SystemId, SystemKnobs> knobs = new EnumMap<>(SystemId.class);
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path brokerDirectory;
    private final boolean temporaryBrokerDirectory;
    private PublicSecuritySystem publicSecurity;
    private MarketSupervisionSystem marketSupervision;
    private TaxSystem tax;
    private SocialSecuritySystem socialSecurity;
    private SwitchableHttpServer admin;

    private Sandbox(SandboxConfig config) {
        this.config = config;
        this.seed = Seed.generate(config.seed(), config.persons(), config.entities());
        for (SystemId id : SystemId.values()) {
            knobs.put(id, new SystemKnobs(config.seed() * 31 + id.ordinal()));
        }
        try {
            this.temporaryBrokerDirectory = config.brokerDataDirectory() == null;
            this.brokerDirectory = temporaryBrokerDirectory
                    ? Files.createTempDirectory("tongban-sandbox-broker") : config.brokerDataDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox.broker_directory_failed", e);
        }
    }

    public static Sandbox start(SandboxConfig config) {
        Sandbox sandbox = new Sandbox(config);
        try {
            sandbox.startSystems();
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    private void startSystems() {
        String host = config.host();
        Duration delay = config.decisionDelay();
        publicSecurity = track(new PublicSecuritySystem(seed, knobs.get(SystemId.PUBLIC_SECURITY), host,
                FreePorts.resolve(host, config.publicSecurityPort()), delay, config.clock()));
        marketSupervision = track(new MarketSupervisionSystem(seed, config.seed() + 1, knobs.get(SystemId.MARKET_SUPERVISION),
                host, config.marketPort(), config.feedDirectory(), delay, config.clock()));
        tax = track(new TaxSystem(seed, knobs.get(SystemId.TAX), host, config.taxPort(), delay, config.clock()));
        socialSecurity = track(new SocialSecuritySystem(seed, config.seed() + 2, knobs.get(SystemId.SOCIAL_SECURITY),
                host, FreePorts.resolve(host, config.socialBrokerPort()), brokerDirectory, delay, config.clock()));
        admin = track(new SwitchableHttpServer("admin", host, config.adminPort(), Map.of("/",
                new AdminApi(knobs, this::generateMarketChangeFile, this::publishSocialSecurityChangeEvents,
                        this::applications))));
        admin.startListening();
        LOG.info("Sandbox started: public security {}, market supervision {}, tax {}, social security {}, admin {}",
                publicSecurityAddress(), marketSupervisionUrl(), taxUrl(), socialSecurityBrokerUrl(), adminUrl());
    }

    private <T extends AutoCloseable> T track(T system) {
        started.add(system);
        return system;
    }

    public Seed seed() {
        return seed;
    }

    public SandboxConfig config() {
        return config;
    }

    /** The knobs of one system; turning them takes effect at once. */
    public SystemKnobs knobs(SystemId system) {
        return knobs.get(system);
    }

    /** Every system back to no latency, no errors, listening. */
    public void resetKnobs() {
        knobs.values().forEach(SystemKnobs::reset);
    }

    /** The SOAP endpoint address; its WSDL is at this address + "?wsdl". */
    public String publicSecurityAddress() {
        return publicSecurity.address();
    }

    /** Base URL of the market supervision REST API, e.g. http://127.0.0.1:8092. */
    public String marketSupervisionUrl() {
        return "http://" + config.host() + ":" + marketSupervision.port();
    }

    /** Base URL of the tax REST API, e.g. http://127.0.0.1:8093. */
    public String taxUrl() {
        return "http://" + config.host() + ":" + tax.port();
    }

    /** The broker URL of the social security system, e.g. tcp://127.0.0.1:61617. */
    public String socialSecurityBrokerUrl() {
        return socialSecurity.brokerUrl();
    }

    /** The port a system actually listens on (useful when the configuration asked for port 0). */
    public int port(SystemId system) {
        return switch (system) {
            case PUBLIC_SECURITY -> publicSecurity.port();
            case MARKET_SUPERVISION -> marketSupervision.port();
            case TAX -> tax.port();
            case SOCIAL_SECURITY -> URI.create(socialSecurity.brokerUrl()).getPort();
        };
    }

    public int adminPort() {
        return admin.port();
    }

    public String adminUrl() {
        return "http://" + config.host() + ":" + admin.port();
    }

    public Path feedDirectory() {
        return config.feedDirectory();
    }

    /** Market supervision as it stands, including changes announced in change files. */
    public MarketSupervisionSystem marketSupervision() {
        return marketSupervision;
    }

    /** Social security as it stands, including changes announced as events. */
    public SocialSecuritySystem socialSecurity() {
        return socialSecurity;
    }

    /**
     * How often a department received and decided each application, by SQBH; same as GET /applications/{system}.
     * Exactly once shows as {@code decidedTwice() == 0} however often an application was delivered.
     */
    public ApplicationCounts applications(SystemId system) {
        return switch (system) {
            case PUBLIC_SECURITY -> publicSecurity.applications();
            case MARKET_SUPERVISION -> marketSupervision.applications();
            case TAX -> tax.applications();
            case SOCIAL_SECURITY -> socialSecurity.applications();
        };
    }

    /** Same as POST /market-supervision/change-files. */
    public ChangeFile generateMarketChangeFile() {
        return marketSupervision.generateChangeFile();
    }

    /** Same as POST /social-security/change-events. */
    public List<SocialInsurance> publishSocialSecurityChangeEvents() {
        return socialSecurity.publishChangeEvents();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop a sandbox system cleanly", e);
            }
        }
        started.clear();
        if (temporaryBrokerDirectory) {
            deleteRecursively(brokerDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary broker directory {}", directory, e);
        }
    }
}

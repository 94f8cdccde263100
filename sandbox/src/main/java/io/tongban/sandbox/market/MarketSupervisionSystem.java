package io.tongban.sandbox.market;

import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.http.SwitchableHttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Seed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market supervision line system: a JSON lookup over HTTP, a daily change file, and company-establishment
 * applications decided asynchronously into a JSON decision feed.
 */
public final class MarketSupervisionSystem implements AutoCloseable {

    private static final int CHANGES_PER_FILE = 5;

    private final MarketRegistry registry;
    private final DecisionDesk desk;
    private final SwitchableHttpServer server;
    private final ChangeGenerator changes;
    private final ChangeFileWriter files;
    private final Clock clock;

    public MarketSupervisionSystem(Seed seed, long randomSeed, SystemKnobs knobs, String host, int port,
                                   Path feedDirectory, Duration decisionDelay, Clock clock) {
        this.registry = new MarketRegistry(seed.enterprises());
        this.desk = new DecisionDesk("market-supervision", "SCJGSL", new MarketRules(registry, clock), decision -> { },
                decisionDelay, clock);
        MarketApplicationApi applications = new MarketApplicationApi(desk, knobs);
        this.server = new SwitchableHttpServer("market-supervision", host, port,
                Map.of(MarketSupervisionApi.PATH, new MarketSupervisionApi(registry, knobs),
                        MarketApplicationApi.APPLICATIONS, applications, MarketApplicationApi.DECISIONS, applications));
        this.changes = new ChangeGenerator(registry, seed, randomSeed);
        this.files = new ChangeFileWriter(feedDirectory);
        this.clock = clock;
        server.startListening();
        knobs.bind(server);
    }

    public int port() {
        return server.port();
    }

    /** The register as it stands now, after any change files and approved applications. */
    public Optional<Enterprise> enterprise(String creditCode) {
        return registry.find(creditCode);
    }

    /** How often each application was received and decided. */
    public ApplicationCounts applications() {
        return desk.counts();
    }

    /** Draws today's changes, applies them to the register and writes them to today's change file. */
    public ChangeFile generateChangeFile() {
        LocalDate today = LocalDate.now(clock);
        List<EnterpriseChange> drawn = changes.drawAndApply(CHANGES_PER_FILE, today);
        return new ChangeFile(files.write(today, drawn), drawn);
    }

    @Override
    public void close() {
        server.close();
        desk.close();
    }
}

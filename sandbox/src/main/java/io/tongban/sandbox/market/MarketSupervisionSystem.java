package io.tongban.sandbox.market;

import io.tongban.sandbox.http.SwitchableHttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Seed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The market supervision line system: a JSON lookup over HTTP and a daily change file. */
public final class MarketSupervisionSystem implements AutoCloseable {

    private static final int CHANGES_PER_FILE = 5;

    private final MarketRegistry registry;
    private final SwitchableHttpServer server;
    private final ChangeGenerator changes;
    private final ChangeFileWriter files;
    private final Clock clock;

    public MarketSupervisionSystem(Seed seed, long randomSeed, SystemKnobs knobs, String host, int port,
                                   Path feedDirectory, Clock clock) {
        this.registry = new MarketRegistry(seed.enterprises());
        this.server = new SwitchableHttpServer("market-supervision", host, port,
                Map.of(MarketSupervisionApi.PATH, new MarketSupervisionApi(registry, knobs)));
        this.changes = new ChangeGenerator(registry, seed, randomSeed);
        this.files = new ChangeFileWriter(feedDirectory);
        this.clock = clock;
        server.startListening();
        knobs.bind(server);
    }

    public int port() {
        return server.port();
    }

    /** The register as it stands now, after any change files. */
    public Optional<Enterprise> enterprise(String creditCode) {
        return registry.find(creditCode);
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
    }
}

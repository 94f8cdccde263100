package io.tongban.sandbox.tax;

import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.http.SwitchableHttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Seed;
import io.tongban.sandbox.seed.Taxpayer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tax line system: taxpayer registrations as XML over HTTP, and applications decided into an XML feed. */
public final class TaxSystem implements AutoCloseable {

    private final DecisionDesk desk;
    private final SwitchableHttpServer server;

    public TaxSystem(Seed seed, SystemKnobs knobs, String host, int port, Duration decisionDelay, Clock clock) {
        Map<String, Taxpayer> taxpayers = seed.taxpayers().stream()
                .collect(Collectors.toUnmodifiableMap(Taxpayer::taxpayerId, Function.identity()));
        this.desk = new DecisionDesk("tax", "SWSL", new TaxRules(taxpayers), decision -> { }, decisionDelay, clock);
        TaxApplicationApi applications = new TaxApplicationApi(desk, knobs);
        this.server = new SwitchableHttpServer("tax", host, port, Map.of(TaxApi.PATH, new TaxApi(taxpayers, knobs),
                TaxApplicationApi.APPLICATIONS, applications, TaxApplicationApi.DECISIONS, applications));
        server.startListening();
        knobs.bind(server);
    }

    public int port() {
        return server.port();
    }

    /** How often each application was received and decided. */
    public ApplicationCounts applications() {
        return desk.counts();
    }

    @Override
    public void close() {
        server.close();
        desk.close();
    }
}

package io.tongban.sandbox.tax;

import io.tongban.sandbox.http.SwitchableHttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Seed;
import io.tongban.sandbox.seed.Taxpayer;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tax line system: taxpayer registrations as XML over HTTP. */
public final class TaxSystem implements AutoCloseable {

    private final SwitchableHttpServer server;

    public TaxSystem(Seed seed, SystemKnobs knobs, String host, int port) {
        Map<String, Taxpayer> taxpayers = seed.taxpayers().stream()
                .collect(Collectors.toUnmodifiableMap(Taxpayer::taxpayerId, Function.identity()));
        this.server = new SwitchableHttpServer("tax", host, port, Map.of(TaxApi.PATH, new TaxApi(taxpayers, knobs)));
        server.startListening();
        knobs.bind(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}

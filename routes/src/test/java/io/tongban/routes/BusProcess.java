package io.tongban.routes;

import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bus as a process of its own (same classes as this test JVM), on the embedded defaults (H2 file database and
 * embedded Artemis under {@code dataDir}) with its connectors pointed at the test sandbox: for tests that kill it.
 */
final class BusProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataDir;

    private BusProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static BusProcess start(Path dataDir, Sandbox sandbox) throws IOException, InterruptedException {
        return start(dataDir, sandbox, List.of());
    }

    /** @param configuration further {@code --name=value} arguments, e.g. an external database and broker */
    static BusProcess start(Path dataDir, Sandbox sandbox, List<String> configuration)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BusApplication.class.getName(),
                // demo tokens and keys (on loopback only); the connectors point at the test's sandbox
                "--bus.access.demo.enabled=true",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--bus.data-dir=" + dataDir,
                "--bus.connectors.public-security.url=" + sandbox.publicSecurityAddress(),
                "--bus.connectors.market-supervision.url=" + sandbox.marketSupervisionUrl(),
                "--bus.connectors.tax.url=" + sandbox.taxUrl(),
                "--bus.connectors.social-security.broker-url=" + sandbox.socialSecurityBrokerUrl(),
                // its own change feeds, so that it takes nothing from the other tests' bus
                "--bus.connectors.market-supervision.feed-directory=" + dataDir.resolve("feed"),
                "--bus.connectors.social-security.subscription=bus-process-" + port));
        command.addAll(configuration);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("bus-" + port + ".log").toFile())
                .start();
        BusProcess bus = new BusProcess(process, port, dataDir);
        bus.awaitReady(Duration.ofSeconds(90));
        return bus;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request with the demo token this bus wrote for the role. */
    HttpRequest.Builder request(String path, Role role) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + DemoTokens.read(dataDir, role));
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady(Duration patience) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bus process exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the bus process was not ready within " + patience);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

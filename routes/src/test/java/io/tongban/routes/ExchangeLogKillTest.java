package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.seed.Person;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Durable means durable: the bus process is killed with SIGKILL while it is under load, on its embedded defaults
 * (H2 file database, embedded Artemis), and every exchange it had answered is found in its log after a restart.
 */
class ExchangeLogKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @DisplayName("kill -9 in the middle of load: every acknowledged exchange is in the log after restart, and the tree verifies")
    void acknowledgedEntriesSurviveKill() throws Exception {
        Path dataDir = Files.createTempDirectory("tongban-kill");
        List<Person> persons = TestSandbox.get().seed().persons().subList(0, 200);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>(); // log index -> correlation id

        try (BusProcess bus = BusProcess.start(dataDir, TestSandbox.get())) {
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = client; loading.get(); i += 8) {
                        String id = persons.get(i % persons.size()).identityNumber();
                        // every fourth request is refused: refusals are exchanges too
                        String path = i % 4 == 0 ? "/api/v1/persons/" + id.substring(0, 17) + "Y" : "/api/v1/persons/" + id;
                        try {
                            HttpResponse<Void> answer = HTTP.send(bus.request(path, Role.PLATFORM).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            answer.headers().firstValue("Tongban-Log-Index").ifPresent(index -> acknowledged.put(
                                    Long.parseLong(index), answer.headers().firstValue("Tongban-Correlation-Id").orElseThrow()));
                        } catch (Exception killed) {
                            return null; // the process is gone: what was acknowledged is what counts
                        }
                    }
                    return null;
                });
            }
            while (acknowledged.size() < 1_500) {
                Thread.sleep(20);
            }
            bus.kill();
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (BusProcess restarted = BusProcess.start(dataDir, TestSandbox.get())) {
            for (Map.Entry<Long, String> sent : acknowledged.entrySet()) {
                HttpResponse<String> entry = HTTP.send(
                        restarted.request("/api/v1/audit/entries/" + sent.getKey(), Role.AUDITOR).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(entry.statusCode()).as("entry %d", sent.getKey()).isEqualTo(200);
                assertThat(JSON.readTree(entry.body()).path("entry").path("correlationId").asText()).isEqualTo(sent.getValue());
            }
            JsonNode verification = JSON.readTree(HTTP.send(
                    restarted.request("/api/v1/audit/verification", Role.AUDITOR).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("treeSize").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}

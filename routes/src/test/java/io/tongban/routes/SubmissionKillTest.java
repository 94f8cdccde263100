package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import io.tongban.sandbox.SystemId;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing doubled: the bus process, on its embedded defaults (H2 file database, embedded Artemis), is
 * killed with SIGKILL in the middle of 500 company establishments and restarted; the platform retries what it was
 * not answered with the same Idempotency-Key. Every accepted submission reaches its end, each of its three
 * departments decides it exactly once, and each gets exactly one business licence. The departments are a sandbox of
 * this test's own, so that no other bus in this JVM takes their decisions.
 */
class SubmissionKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FOUNDER = "440305198304261274";
    private static final int SUBMISSIONS = 500;
    private static final List<SystemId> DEPARTMENTS = List.of(SystemId.MARKET_SUPERVISION, SystemId.TAX,
            SystemId.SOCIAL_SECURITY);

    @Test
    @DisplayName("kill -9 in the middle of 500 submissions: every accepted one completes, each department decides each once, one licence each")
    void submissionsSurviveKill() throws Exception {
        Path dataDir = Files.createTempDirectory("tongban-submission-kill");
        try (Sandbox departments = Sandbox.start(SandboxConfig.builder().freePorts()
                .feedDirectory(dataDir.resolve("sandbox-feeds")).decisionDelay(Duration.ofMillis(200)).build())) {
            String[] keys = new String[SUBMISSIONS];
            for (int i = 0; i < SUBMISSIONS; i++) {
                keys[i] = UUID.randomUUID().toString();
            }
            Map<Integer, String> accepted = new ConcurrentHashMap<>();
            String articles;
            try (BusProcess bus = BusProcess.start(dataDir, departments)) {
                articles = uploadArticles(bus);
                AtomicBoolean killed = new AtomicBoolean();
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(8);
                for (int c = 0; c < 8; c++) {
                    clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < SUBMISSIONS && !killed.get(); i = next.getAndIncrement()) {
                            int index = i;
                            try {
                                submit(bus, i, keys[i], articles).ifPresent(id -> accepted.put(index, id));
                            } catch (Exception gone) {
                                return null; // the process is gone: retried after the restart
                            }
                        }
                        return null;
                    });
                }
                while (accepted.size() < SUBMISSIONS * 2 / 5) {
                    Thread.sleep(5);
                }
                bus.kill();
                killed.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            int beforeKill = accepted.size();

            try (BusProcess restarted = BusProcess.start(dataDir, departments)) {
                Instant patience = Instant.now().plus(Duration.ofSeconds(150));
                for (int i = 0; i < SUBMISSIONS; i++) {
                    while (!accepted.containsKey(i)) {
                        // a claim of a request the kill cut short lapses after a minute; until then it is a 409
                        assertThat(Instant.now()).as("submission %d accepted after the restart", i).isBefore(patience);
                        int index = i;
                        submit(restarted, i, keys[i], articles).ifPresentOrElse(id -> accepted.put(index, id),
                                SubmissionKillTest::pause);
                    }
                }
                Set<String> ids = new HashSet<>(accepted.values());
                assertThat(ids).as("one submission per key, %d acknowledged before the kill", beforeKill)
                        .hasSize(SUBMISSIONS);

                awaitDecided(departments, ids);
                Set<String> licences = new HashSet<>();
                for (String id : ids) {
                    JsonNode status = awaitCompleted(restarted, id);
                    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("APPROVED");
                    assertThat(status.path("licences").size()).as(status.toString()).isEqualTo(1);
                    licences.add(status.path("licences").get(0).path("identifier").asText());
                }
                assertThat(licences).hasSize(SUBMISSIONS);
                for (SystemId department : DEPARTMENTS) {
                    var counts = departments.applications(department);
                    assertThat(counts.decisions().keySet()).as(department.toString()).isEqualTo(ids);
                    assertThat(counts.decidedTwice()).as(department.toString()).isZero();
                }
            }
        }
    }

    /** @return the submission's id once accepted; empty for a 409 (the first attempt's claim is still held) */
    private static Optional<String> submit(BusProcess bus, int i, String key, String articles)
            throws Exception {
        String body = "{\"matter\":\"company-establishment\",\"applicant\":\"" + FOUNDER + "\",\"form\":{"
                + "\"name\":\"林示范\",\"companyName\":\"通办续办示范" + i + "号有限公司\","
                + "\"companyDomicile\":\"深圳市南山区示范路" + i + "号\",\"businessScope\":\"软件开发\"},"
                + "\"materials\":{\"articles-of-association\":\"" + articles + "\"},"
                + "\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}";
        HttpResponse<String> answer = HTTP.send(bus.request("/api/v1/submissions", Role.PLATFORM)
                .header("Tongban-Purpose", "company-establishment").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 409) {
            return Optional.empty();
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return Optional.of(JSON.readTree(answer.body()).path("id").asText());
    }

    private static String uploadArticles(BusProcess bus) throws Exception {
        String boundary = "kill-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"type", "articles-of-association"}, {"holder", FOUNDER}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(bus.request("/api/v1/materials", Role.PLATFORM)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static void awaitDecided(Sandbox departments, Set<String> ids) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (DEPARTMENTS.stream().anyMatch(d -> !departments.applications(d).decisions().keySet().containsAll(ids))) {
            assertThat(Instant.now()).as("every department decided every submission").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode awaitCompleted(BusProcess bus, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode status = JSON.readTree(HTTP.send(bus.request("/api/v1/submissions/" + id, Role.PLATFORM).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (status.path("completedAt").isTextual() || Instant.now().isAfter(deadline)) {
                return status;
            }
            Thread.sleep(200);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private static final int SUBMISSIONS = 500;

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
                articles = ProcessSubmissions.uploadArticles(bus);
                AtomicBoolean killed = new AtomicBoolean();
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(8);
                for (int c = 0; c < 8; c++) {
                    clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < SUBMISSIONS && !killed.get(); i = next.getAndIncrement()) {
                            int index = i;
                            try {
                                ProcessSubmissions.establish(bus, "续办", i, keys[i], articles)
                                        .ifPresent(id -> accepted.put(index, id));
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
                        ProcessSubmissions.establish(restarted, "续办", i, keys[i], articles).ifPresentOrElse(
                                id -> accepted.put(index, id), SubmissionKillTest::pause);
                    }
                }
                Set<String> ids = new HashSet<>(accepted.values());
                assertThat(ids).as("one submission per key, %d acknowledged before the kill", beforeKill)
                        .hasSize(SUBMISSIONS);

                ProcessSubmissions.assertEachCompletedOnce(departments, ids, List.of(restarted));
            }
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

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Scale-out: two bus processes on one external Artemis broker and one PostgreSQL (those {@code .ci/run} starts) take
 * submissions at either node and share the departments' work: every submission completes, each department decides
 * each once, each gets one licence, and both nodes delivered some. Without the CI infrastructure it is skipped.
 */
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_ARTEMIS_URL", matches = ".+")
class TwoNodeSubmissionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SUBMISSIONS = 200;
    private static final Pattern DELIVERED = Pattern.compile(
            "camel_exchanges_succeeded_total\\{[^}]*routeId=\"submissions\\.deliver\\.([a-z-]+)\"[^}]*} ([0-9.]+)");

    @Test
    @DisplayName("Two nodes on one external broker and one PostgreSQL share the department work, nothing lost or doubled")
    void twoNodesShareTheWork() throws Exception {
        String schema = "two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getenv("TONGBAN_TEST_POSTGRES_URL");
        List<String> shared = List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + System.getenv("TONGBAN_TEST_POSTGRES_USER"),
                "--spring.datasource.password=" + System.getenv("TONGBAN_TEST_POSTGRES_PASSWORD"),
                "--spring.flyway.schemas=" + schema,
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + System.getenv("TONGBAN_TEST_ARTEMIS_URL"),
                "--spring.artemis.user=" + System.getenv("TONGBAN_TEST_ARTEMIS_USER"),
                "--spring.artemis.password=" + System.getenv("TONGBAN_TEST_ARTEMIS_PASSWORD"));
        Path dataDir = Files.createTempDirectory("tongban-two-nodes");
        try (Sandbox departments = Sandbox.start(SandboxConfig.builder().freePorts()
                .feedDirectory(dataDir.resolve("sandbox-feeds")).decisionDelay(Duration.ofMillis(200)).build());
             // one data directory: the nodes share their configuration (PKI, subject key, demo tokens), not state
             BusProcess first = BusProcess.start(dataDir, departments, shared);
             BusProcess second = BusProcess.start(dataDir, departments, shared)) {
            List<BusProcess> nodes = List.of(first, second);
            String articles = ProcessSubmissions.uploadArticles(first);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                int index = i;
                submitted.add(clients.submit(() -> ProcessSubmissions.establish(nodes.get(index % 2), "双节点", index,
                        UUID.randomUUID().toString(), articles).orElseThrow()));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> id : submitted) {
                ids.add(id.get());
            }
            clients.shutdown();
            assertThat(ids).hasSize(SUBMISSIONS);

            ProcessSubmissions.assertEachCompletedOnce(departments, ids, nodes);
            double firstDelivered = delivered(first);
            double secondDelivered = delivered(second);
            assertThat(firstDelivered).as("deliveries by the first node").isPositive();
            assertThat(secondDelivered).as("deliveries by the second node").isPositive();
            // delivery is at least once (a department may be handed a submission again and takes it once, by its
            // number); what must never double is a decision or a licence, asserted above
            assertThat(firstDelivered + secondDelivered).as("every task delivered")
                    .isGreaterThanOrEqualTo(SUBMISSIONS * ProcessSubmissions.DEPARTMENTS.size());
        }
    }

    /** Submissions this node's connectors delivered to the departments, from its Prometheus metrics. */
    private static double delivered(BusProcess bus) throws Exception {
        String metrics = HTTP.send(bus.request("/actuator/prometheus", Role.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double delivered = 0;
        for (Matcher line = DELIVERED.matcher(metrics); line.find(); ) {
            delivered += Double.parseDouble(line.group(2));
        }
        return delivered;
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import io.tongban.sandbox.SystemId;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FOUNDER = "440305198304261274";
    private static final int SUBMISSIONS = 200;
    private static final List<SystemId> DEPARTMENTS = List.of(SystemId.MARKET_SUPERVISION, SystemId.TAX,
            SystemId.SOCIAL_SECURITY);
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
            String articles = upload(first);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                int index = i;
                submitted.add(clients.submit(() -> submit(nodes.get(index % 2), index, articles)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> id : submitted) {
                ids.add(id.get());
            }
            clients.shutdown();
            assertThat(ids).hasSize(SUBMISSIONS);

            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (DEPARTMENTS.stream().anyMatch(d -> !departments.applications(d).decisions().keySet()
                    .containsAll(ids))) {
                assertThat(Instant.now()).as("every department decided every submission").isBefore(deadline);
                Thread.sleep(500);
            }
            Set<String> licences = new HashSet<>();
            int n = 0;
            for (String id : ids) {
                JsonNode status = awaitCompleted(nodes.get(n++ % 2), id);
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
            double firstDelivered = delivered(first);
            double secondDelivered = delivered(second);
            assertThat(firstDelivered).as("deliveries by the first node").isPositive();
            assertThat(secondDelivered).as("deliveries by the second node").isPositive();
            assertThat(firstDelivered + secondDelivered).as("one delivery per task, none twice")
                    .isEqualTo(SUBMISSIONS * DEPARTMENTS.size());
        }
    }

    private static String submit(BusProcess bus, int i, String articles) throws Exception {
        String body = "{\"matter\":\"company-establishment\",\"applicant\":\"" + FOUNDER + "\",\"form\":{"
                + "\"name\":\"林示范\",\"companyName\":\"通办双节点示范" + i + "号有限公司\","
                + "\"companyDomicile\":\"深圳市南山区示范路" + i + "号\",\"businessScope\":\"软件开发\"},"
                + "\"materials\":{\"articles-of-association\":\"" + articles + "\"},"
                + "\"declineReuse\":[\"domicile-proof\"],\"commitments\":[\"domicile-proof\"]}";
        HttpResponse<String> answer = HTTP.send(bus.request("/api/v1/submissions", Role.PLATFORM)
                .header("Tongban-Purpose", "company-establishment")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static String upload(BusProcess bus) throws Exception {
        HttpResponse<String> answer = HTTP.send(bus.request("/api/v1/materials", Role.PLATFORM)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
                        + "articles-of-association\r\n--b\r\nContent-Disposition: form-data; name=\"holder\"\r\n\r\n"
                        + FOUNDER + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\n\r\n--b--\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
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
}

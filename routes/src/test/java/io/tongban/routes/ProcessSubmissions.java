package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SystemId;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Company establishments made at bus processes and followed to their end, for the tests that run the bus as
 * processes of its own (killed, or two at once) against a sandbox of their own.
 */
final class ProcessSubmissions {

    static final List<SystemId> DEPARTMENTS = List.of(SystemId.MARKET_SUPERVISION, SystemId.TAX,
            SystemId.SOCIAL_SECURITY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FOUNDER = "440305198304261274";

    private ProcessSubmissions() {
    }

    /** The founder's articles of association, uploaded once and named by every establishment. */
    static String uploadArticles(BusProcess bus) throws Exception {
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

    /**
     * Establishes company number {@code i} (its name unique to the run).
     *
     * @return the submission's id once accepted; empty for a 409 (the first attempt with the key is still held)
     */
    static Optional<String> establish(BusProcess bus, String run, int i, String key, String articles)
            throws Exception {
        String body = "{\"matter\":\"company-establishment\",\"applicant\":\"" + FOUNDER + "\",\"form\":{"
                + "\"name\":\"林示范\",\"companyName\":\"通办" + run + "示范" + i + "号有限公司\","
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

    /**
     * Waits until the departments decided every submission, then checks the end: each approved and completed with
     * one business licence of its own, as the bus tells it, and each decided exactly once by each department.
     */
    static void assertEachCompletedOnce(Sandbox departments, Set<String> ids, List<BusProcess> nodes)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (DEPARTMENTS.stream().anyMatch(d -> !departments.applications(d).decisions().keySet().containsAll(ids))) {
            assertThat(Instant.now()).as("every department decided every submission").isBefore(deadline);
            Thread.sleep(500);
        }
        Set<String> licences = new HashSet<>();
        int n = 0;
        for (String id : ids) {
            JsonNode status = awaitCompleted(nodes.get(n++ % nodes.size()), id);
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("APPROVED");
            assertThat(status.path("licences").size()).as(status.toString()).isEqualTo(1);
            licences.add(status.path("licences").get(0).path("identifier").asText());
        }
        assertThat(licences).hasSize(ids.size());
        for (SystemId department : DEPARTMENTS) {
            var counts = departments.applications(department);
            assertThat(counts.decisions().keySet()).as(department.toString()).isEqualTo(ids);
            assertThat(counts.decidedTwice()).as(department.toString()).isZero();
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
}

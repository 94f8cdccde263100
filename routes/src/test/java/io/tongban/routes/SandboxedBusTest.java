package io.tongban.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bus on a random port, its connectors pointed at a real sandbox: every test crosses HTTP into the bus,
 * the department protocols out of it, and back. Test classes share one application context and one sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SandboxedBusTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    protected static Sandbox sandbox() {
        return TestSandbox.get();
    }

    @DynamicPropertySource
    static void pointConnectorsAtSandbox(DynamicPropertyRegistry registry) {
        Sandbox sandbox = TestSandbox.get();
        registry.add("bus.data-dir", () -> TestSandbox.dataDir().toString());
        registry.add("bus.connectors.public-security.url", sandbox::publicSecurityAddress);
        registry.add("bus.connectors.market-supervision.url", sandbox::marketSupervisionUrl);
        registry.add("bus.connectors.tax.url", sandbox::taxUrl);
        registry.add("bus.connectors.social-security.broker-url", sandbox::socialSecurityBrokerUrl);
        registry.add("bus.connectors.market-supervision.feed-directory", () -> sandbox.feedDirectory().toString());
        Path region = OtherRegionPki.directory();
        registry.add("bus.licences.recognised-regions[0].name", () -> OtherRegionPki.REGION);
        registry.add("bus.licences.recognised-regions[0].trust-anchors[0]", () -> region.resolve("root.pem").toString());
        registry.add("bus.licences.recognised-regions[0].intermediates[0]",
                () -> region.resolve("issuing.pem").toString());
        registry.add("bus.licences.recognised-regions[0].crls[0]", () -> region.resolve("issuing.crl").toString());
    }

    @AfterEach
    void resetDepartments() {
        sandbox().resetKnobs();
    }

    protected record Answer(int status, String contentType, JsonNode body, long millis) {
    }

    protected Answer get(String path) {
        return send(request(path).GET().build());
    }

    protected Answer postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A request to the bus with the demo token of the role that the path is for (see {@link #roleFor}) and a purpose
     * the demo grants release every conditional field of the subject type for.
     */
    protected HttpRequest.Builder request(String path) {
        return anonymousRequest(path).header("Authorization", "Bearer " + token(roleFor(path)))
                .setHeader("Tongban-Purpose", path.startsWith("/api/v1/legal-entities/") ? "company-establishment"
                        : "residence-permit");
    }

    /** {@code POST /api/v1/materials}: a multipart upload of a file declared as {@code declaredType}, in a role. */
    protected Answer uploadMaterial(Role role, String type, String holder, String declaredType, byte[] file) {
        String boundary = "tongban-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"type", type}, {"holder", holder}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"material\"\r\n"
                + "Content-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(anonymousRequest("/api/v1/materials").header("Authorization", "Bearer " + token(role))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    protected HttpRequest.Builder anonymousRequest(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    /** The role a test calls with unless it says otherwise: the auditor for the log, a department for its feeds... */
    protected static Role roleFor(String path) {
        if (path.startsWith("/api/v1/audit/") || path.startsWith("/api/v1/access-reports/")) {
            return Role.AUDITOR;
        }
        if (path.startsWith("/actuator/")) {
            return Role.ADMIN;
        }
        return path.startsWith("/api/v1/change-feeds/") ? Role.DEPARTMENT : Role.PLATFORM;
    }

    /** The demo token the bus under test wrote for a role at start-up. */
    protected static String token(Role role) {
        return DemoTokens.read(TestSandbox.dataDir(), role);
    }

    protected Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), type, body, millis);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of an answer whatever its body (PEM, CRLs, HTML). */
    protected int statusOf(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The source state the answer names for {@code source}. */
    protected static String sourceStatus(JsonNode answer, String source) {
        for (JsonNode state : answer.path("sources")) {
            if (source.equals(state.path("source").asText())) {
                return state.path("status").asText();
            }
        }
        return "ABSENT";
    }
}

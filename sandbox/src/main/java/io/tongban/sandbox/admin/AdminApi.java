package io.tongban.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.KnobSettings;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.market.ChangeFile;
import io.tongban.sandbox.market.EnterpriseChange;
import io.tongban.sandbox.seed.SocialInsurance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The sandbox's own control surface:
 * GET /knobs, GET|PUT /knobs/{system}, POST /knobs/reset,
 * POST /market-supervision/change-files, POST /social-security/change-events, GET /applications/{system}.
 */
public final class AdminApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<SystemId, SystemKnobs> knobs;
    private final Supplier<ChangeFile> changeFiles;
    private final Supplier<List<SocialInsurance>> changeEvents;
    private final Function<SystemId, ApplicationCounts> applications;

    public AdminApi(Map<SystemId, SystemKnobs> knobs, Supplier<ChangeFile> changeFiles,
                    Supplier<List<SocialInsurance>> changeEvents, Function<SystemId, ApplicationCounts> applications) {
        this.knobs = Map.copyOf(knobs);
        this.changeFiles = changeFiles;
        this.changeEvents = changeEvents;
        this.applications = applications;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/knobs") && method.equals("GET")) {
                    ok(exchange, 200, allKnobs());
                } else if (path.equals("/knobs/reset") && method.equals("POST")) {
                    knobs.values().forEach(SystemKnobs::reset);
                    ok(exchange, 200, allKnobs());
                } else if (path.startsWith("/knobs/") && (method.equals("GET") || method.equals("PUT"))) {
                    SystemKnobs system = knobs.get(SystemId.parse(path.substring("/knobs/".length())));
                    if (method.equals("PUT")) {
                        system.apply(merged(system.settings(), exchange.getRequestBody()));
                    }
                    ok(exchange, 200, settingsJson(system.settings()));
                } else if (path.equals("/market-supervision/change-files") && method.equals("POST")) {
                    ok(exchange, 201, changeFileJson(changeFiles.get()));
                } else if (path.equals("/social-security/change-events") && method.equals("POST")) {
                    ArrayNode published = JSON.createArrayNode();
                    changeEvents.get().forEach(r -> published.add(r.heldUnder()));
                    ObjectNode body = JSON.createObjectNode();
                    body.put("published", published.size()).set("sfzhm", published);
                    ok(exchange, 200, body);
                } else if (path.startsWith("/applications/") && method.equals("GET")) {
                    ApplicationCounts counts = applications.apply(SystemId.parse(path.substring("/applications/".length())));
                    ok(exchange, 200, JSON.createObjectNode().put("received", counts.received())
                            .put("deliveries", counts.deliveries()).put("decided", counts.decided())
                            .put("decidedTwice", counts.decidedTwice())
                            .put("feedReads", counts.feedReads()));
                } else {
                    error(exchange, 404, "sandbox.not_found", method + " " + path + " is not an admin operation");
                }
            } catch (IllegalArgumentException e) {
                int status = e.getMessage() != null && e.getMessage().startsWith("sandbox.unknown_system") ? 404 : 400;
                error(exchange, status, codeOf(e.getMessage()), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Admin operation failed", e);
                error(exchange, 500, "sandbox.internal_error", String.valueOf(e.getMessage()));
            }
        }
    }

    /** A PUT may name any subset of latencyMs, errorRate and down; the others keep their values. */
    private static KnobSettings merged(KnobSettings current, InputStream body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("sandbox.invalid_knob: body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("sandbox.invalid_knob: body must be a JSON object");
        }
        long latency = current.latencyMs();
        double errorRate = current.errorRate();
        boolean down = current.down();
        if (json.has("latencyMs")) {
            latency = require(json.get("latencyMs"), JsonNode::isIntegralNumber, "latencyMs must be a whole number").asLong();
        }
        if (json.has("errorRate")) {
            errorRate = require(json.get("errorRate"), JsonNode::isNumber, "errorRate must be a number").asDouble();
        }
        if (json.has("down")) {
            down = require(json.get("down"), JsonNode::isBoolean, "down must be true or false").asBoolean();
        }
        return new KnobSettings(latency, errorRate, down);
    }

    private static JsonNode require(JsonNode value, Predicate<JsonNode> valid, String message) {
        if (!valid.test(value)) {
            throw new IllegalArgumentException("sandbox.invalid_knob: " + message);
        }
        return value;
    }

    private ObjectNode allKnobs() {
        ObjectNode all = JSON.createObjectNode();
        for (SystemId id : SystemId.values()) {
            all.set(id.name(), settingsJson(knobs.get(id).settings()));
        }
        return all;
    }

    private static ObjectNode settingsJson(KnobSettings settings) {
        return JSON.createObjectNode().put("latencyMs", settings.latencyMs()).put("errorRate", settings.errorRate())
                .put("down", settings.down());
    }

    private static ObjectNode changeFileJson(ChangeFile file) {
        ObjectNode body = JSON.createObjectNode();
        body.put("file", file.path().toAbsolutePath().toString());
        ArrayNode changes = body.putArray("changes");
        for (EnterpriseChange c : file.changes()) {
            changes.addObject().put("TYSHXYDM", c.creditCode()).put("BGXM", c.item()).put("BGQNR", c.before())
                    .put("BGHNR", c.after()).put("BGRQ", c.date().toString());
        }
        return body;
    }

    private static String codeOf(String message) {
        if (message == null) {
            return "sandbox.bad_request";
        }
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : "sandbox.bad_request";
    }

    private static void ok(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Responses.send(exchange, status, Responses.JSON, JSON.writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ok(exchange, status, JSON.createObjectNode().put("code", code).put("message", message));
    }
}

package io.tongban.sandbox.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.ApplicationJson;
import io.tongban.sandbox.applications.Decision;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.FeedPage;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.SystemKnobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * POST /scjg/api/sq takes an application as JSON and answers 202 with its receipt;
 * GET /scjg/api/bj?after=&limit= lists the decisions taken after a sequence number.
 */
final class MarketApplicationApi implements HttpHandler {

    static final String APPLICATIONS = "/scjg/api/sq";
    static final String DECISIONS = "/scjg/api/bj";
    private static final List<String> FIELDS = List.of("SQRZJHM", "SQRXM", "QYMC", "ZS", "JYFW");
    private static final Logger LOG = LoggerFactory.getLogger(MarketApplicationApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionDesk desk;
    private final SystemKnobs knobs;

    MarketApplicationApi(DecisionDesk desk, SystemKnobs knobs) {
        this.desk = desk;
        this.knobs = knobs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                knobs.delay();
                if (knobs.shouldFail()) {
                    MarketSupervisionApi.error(exchange, 500, "INTERNAL_ERROR", "simulated failure of the market supervision system");
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                String method = path.equals(APPLICATIONS) ? "POST" : path.equals(DECISIONS) ? "GET" : null;
                if (method == null) {
                    MarketSupervisionApi.error(exchange, 404, "NOT_FOUND", "no such resource");
                } else if (!exchange.getRequestMethod().equals(method)) {
                    MarketSupervisionApi.error(exchange, 405, "METHOD_NOT_ALLOWED", "only " + method + " is supported");
                } else if (method.equals("POST")) {
                    receive(exchange);
                } else {
                    FeedPage page = FeedPage.of(Responses.queryParameters(exchange));
                    Responses.send(exchange, 200, Responses.JSON,
                            JSON.writeValueAsBytes(feed(desk.after(page.after(), page.limit()))));
                }
            } catch (IllegalArgumentException e) {
                MarketSupervisionApi.error(exchange, 400, "BAD_REQUEST", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Market supervision application request failed", e);
                MarketSupervisionApi.error(exchange, 500, "INTERNAL_ERROR", "unexpected error");
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Application application = ApplicationJson.read(body, FIELDS);
        ObjectNode receipt = JSON.createObjectNode().put("SLBH", desk.receive(application));
        Responses.send(exchange, 202, Responses.JSON, JSON.writeValueAsBytes(receipt));
    }

    private static ObjectNode feed(List<Decision> decisions) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("BJJG");
        for (Decision d : decisions) {
            ObjectNode record = list.addObject();
            record.put("XH", d.sequence());
            record.put("SQBH", d.application().number());
            record.put("SLBH", d.receipt());
            record.put("JG", d.approved() ? "TG" : "BTG");
            ArrayNode reasons = record.putArray("YY");
            d.reasons().forEach(r -> reasons.addObject().put("DM", r.code()).put("SM", r.text()).put("YJ", r.legalBasis()));
            if (d.approved()) {
                record.put("TYSHXYDM", d.results().get("TYSHXYDM"));
            }
            record.put("QYMC", d.application().field("QYMC"));
            record.put("BJSJ", d.decidedAt().toString());
        }
        return body;
    }
}

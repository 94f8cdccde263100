package io.tongban.sandbox.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tongban.sandbox.http.Responses;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Enterprise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/** GET /scjg/api/qy/{TYSHXYDM}: the enterprise registration record as JSON. */
final class MarketSupervisionApi implements HttpHandler {

    static final String PATH = "/scjg/api/qy/";
    private static final Logger LOG = LoggerFactory.getLogger(MarketSupervisionApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MarketRegistry registry;
    private final SystemKnobs knobs;

    MarketSupervisionApi(MarketRegistry registry, SystemKnobs knobs) {
        this.registry = registry;
        this.knobs = knobs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                knobs.delay();
                if (knobs.shouldFail()) {
                    error(exchange, 500, "INTERNAL_ERROR", "simulated failure of the market supervision system");
                    return;
                }
                if (!exchange.getRequestMethod().equals("GET")) {
                    error(exchange, 405, "METHOD_NOT_ALLOWED", "only GET is supported");
                    return;
                }
                String code = exchange.getRequestURI().getPath().substring(PATH.length());
                if (!code.matches("[0-9A-Z]{18}")) {
                    error(exchange, 400, "BAD_REQUEST", "TYSHXYDM must be 18 characters of 0-9 and A-Z");
                    return;
                }
                Optional<Enterprise> enterprise = registry.find(code);
                if (enterprise.isEmpty()) {
                    error(exchange, 404, "NOT_FOUND", "no enterprise registered under this TYSHXYDM");
                    return;
                }
                Responses.send(exchange, 200, Responses.JSON, JSON.writeValueAsBytes(toJson(enterprise.get())));
            } catch (RuntimeException e) {
                LOG.warn("Market supervision lookup failed", e);
                error(exchange, 500, "INTERNAL_ERROR", "unexpected error");
            }
        }
    }

    private static ObjectNode toJson(Enterprise e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("TYSHXYDM", e.creditCode());
        node.put("QYMC", e.name());
        node.put("QYLX", e.type());
        node.put("FDDBR", e.legalRepresentative());
        node.put("FDDBRZJHM", e.legalRepresentativeId());
        node.put("ZCZB", e.registeredCapital().setScale(4).toPlainString());
        node.put("CLRQ", e.establishedOn().toString());
        node.put("DJZT", e.status());
        node.put("ZS", e.domicile());
        node.put("JYFW", e.businessScope());
        node.put("DJJG", e.registrar());
        return node;
    }

    /** The market supervision error body, shared with the application endpoints. */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message);
        Responses.send(exchange, status, Responses.JSON, JSON.writeValueAsBytes(body));
    }
}

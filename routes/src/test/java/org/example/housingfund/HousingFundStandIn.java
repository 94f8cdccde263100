package org.example.housingfund;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test double of a housing provident fund centre (住房公积金中心), a department the sandbox does not simulate: it
 * holds one account, in its own dialect, over REST/JSON on a free loopback port.
 */
public final class HousingFundStandIn implements AutoCloseable {

    private final HttpServer server;

    public HousingFundStandIn(Map<String, Object> account) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = json(account);
        server.createContext("/gjj/api/grxx/", exchange -> {
            boolean held = exchange.getRequestURI().getPath().endsWith("/" + account.get("ZJHM"));
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            byte[] answer = held ? body : "{\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(held ? 200 : 404, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] json(Map<String, Object> account) {
        try {
            return new ObjectMapper().writeValueAsBytes(account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

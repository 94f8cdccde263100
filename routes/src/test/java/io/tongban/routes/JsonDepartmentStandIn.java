package io.tongban.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test double of a department the sandbox does not simulate: its records, in its own dialect, over REST/JSON on a
 * free loopback port, at {@code <path>/<identifier>}; 404 for a subject it does not hold, 503 while it is down.
 */
public final class JsonDepartmentStandIn implements AutoCloseable {

    private final HttpServer server;
    private volatile boolean down;

    /**
     * @param path    where records are served, e.g. {@code /mz/hydj}
     * @param idField the record field holding the subject's identifier
     */
    public JsonDepartmentStandIn(String path, String idField, Map<String, Object> record) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = json(record);
        server.createContext(path + "/", exchange -> {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            boolean held = exchange.getRequestURI().getPath().equals(path + "/" + record.get(idField));
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

    /** Takes the department down (every request answered 503) or brings it back. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The bytes it serves for its record, as a department's own records would keep them. */
    public static byte[] json(Map<String, Object> record) {
        try {
            return new ObjectMapper().writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

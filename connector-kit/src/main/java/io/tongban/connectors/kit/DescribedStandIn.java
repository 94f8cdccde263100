package io.tongban.connectors.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tongban.connectors.DecisionDialect;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the stand-ins of described HTTP departments (REST, SOAP) share: an HTTP server on a loopback port that
 * answers as the protocol subclass says, the subject of each spec's first fixture that maps without error as the one
 * held, and the decisions taken on cue. Going down closes the port; coming back opens the same one.
 */
abstract class DescribedStandIn extends CuedStandIn {

    private final Map<SubjectType, FixtureCase> held = new EnumMap<>(SubjectType.class);
    private final List<Map<String, Object>> decisions = new CopyOnWriteArrayList<>();
    /** Answers in parallel, as a department does: a slow answer must not hold up the next request. */
    private final ExecutorService answering = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "described-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private HttpServer server;

    DescribedStandIn(DepartmentFolder folder, List<SubjectType> heldTypes) {
        super(folder);
        for (SubjectType type : heldTypes) {
            held.put(type, folder.fixtures(type, false).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                    folder.source() + ": the stand-in serves a " + type + " fixture that maps without error; there is none")));
        }
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** The stand-in's base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** How the department words its decisions, as described. */
    abstract DecisionDialect dialect();

    @Override
    public synchronized void decide(String submission, boolean approve) {
        decisions.add(decision(decisions.size() + 1, submission, approve, dialect()));
    }

    /** The decision records after position {@code after} (their XH), in order. */
    List<Map<String, Object>> decisionsAfter(String after) {
        long position = after == null || after.isBlank() ? 0 : Long.parseLong(after.trim());
        return decisions.stream().filter(record -> Long.parseLong(record.get("XH").toString()) > position).toList();
    }

    /** Answers one request the way the department's protocol does, as the current behaviour says. */
    abstract void answer(HttpExchange exchange, Behaviour behaviour) throws IOException;

    @Override
    public HeldSubject held(SubjectType type) {
        FixtureCase fixture = held.get(type);
        return new HeldSubject(fixture.expectation().path("subjectId").asText(), fixture.expectedFields());
    }

    /** The department's record of the subject held, or of the spec's unknown-code fixture under that behaviour. */
    Map<String, Object> record(SubjectType type, Behaviour behaviour) {
        return behaviour == Behaviour.UNKNOWN_CODE ? unknownCodeRecord(type) : held.get(type).record();
    }

    @Override
    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    synchronized void comeUp() {
        if (server == null) {
            server = listen(port);
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
            started.createContext("/", this::handle);
            started.setExecutor(answering);
            started.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange, behaviourAfterDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** A record as XML elements: a list as the element repeated, a record as nested elements. */
    static void element(StringBuilder xml, String prefix, String name, Object value) {
        if (value instanceof List<?> items) {
            items.forEach(item -> element(xml, prefix, name, item));
            return;
        }
        xml.append('<').append(prefix).append(name).append('>');
        if (value instanceof Map<?, ?> children) {
            children.forEach((child, childValue) -> element(xml, prefix, child.toString(), childValue));
        } else if (value != null) {
            xml.append(escape(value.toString()));
        }
        xml.append("</").append(prefix).append(name).append('>');
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public synchronized void close() {
        goDown();
        answering.shutdownNow();
    }
}

package io.tongban.connectors.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tongban.connectors.described.RestDescription;
import io.tongban.mappings.MappingError;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double of a described REST department, built from its folder alone: it serves, over the department's own
 * paths and body format (JSON or XML), the record of each spec's first fixture that maps without error, under
 * that fixture's subject identifier, and 404 for every other subject or path; an application is taken with a receipt
 * number, and the decision feed is empty. Misbehaving on cue, it refuses connections (its port closed), answers
 * HTTP 500, answers late, answers garbage, serves the spec's unknown-code fixture, or serves XML declaring an external entity.
 * Nothing of the sandbox's demo data is used.
 */
public final class DescribedRestStandIn implements DepartmentStandIn, AutoCloseable {

    private enum Behaviour { NORMAL, SERVER_ERROR, SLOW, GARBAGE, UNKNOWN_CODE, EXTERNAL_ENTITY }

    private final DepartmentFolder folder;
    private final RestDescription rest;
    private final Map<SubjectType, Pattern> lookups = new EnumMap<>(SubjectType.class);
    private final Map<SubjectType, FixtureCase> held = new EnumMap<>(SubjectType.class);
    private final AtomicInteger deliveries = new AtomicInteger();
    /** Answers in parallel, as a department does: a slow answer must not hold up the next request. */
    private final ExecutorService answering = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "described-rest-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private HttpServer server;
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile Duration delay = Duration.ZERO;
    private volatile URI externalEntity;

    private DescribedRestStandIn(DepartmentFolder folder) {
        this.folder = folder;
        this.rest = RestDescription.read(folder.description());
        addLookup(SubjectType.PERSON, rest.personLookup());
        addLookup(SubjectType.LEGAL_ENTITY, rest.entityLookup());
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** Starts the stand-in of a described REST department on a free loopback port. */
    public static DescribedRestStandIn of(String source) {
        return new DescribedRestStandIn(DepartmentFolder.of(source));
    }

    /** The department's base URL, for {@code bus.connectors.<source>.url}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How many applications the department has taken. */
    public int deliveries() {
        return deliveries.get();
    }

    private void addLookup(SubjectType type, String template) {
        if (template == null) {
            return;
        }
        held.put(type, folder.fixtures(type, false).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                folder.source() + ": the stand-in serves a " + type + " fixture that maps without error; there is none")));
        // the path and the query parameter the identifier travels in, e.g. /sw/nsr?nsrsbh={id} or /mz/hydj/{id}
        lookups.put(type, Pattern.compile(Pattern.quote(template).replace("{id}", "\\E([^/&?]+)\\Q")));
    }

    @Override
    public HeldSubject held(SubjectType type) {
        FixtureCase fixture = held.get(type);
        return new HeldSubject(fixture.expectation().path("subjectId").asText(), fixture.expectedFields());
    }

    @Override
    public void answerNormally() {
        behaviour = Behaviour.NORMAL;
        up();
    }

    @Override
    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void answerServerError() {
        behaviour = Behaviour.SERVER_ERROR;
        up();
    }

    @Override
    public void answerAfter(Duration delay) {
        this.delay = delay;
        behaviour = Behaviour.SLOW;
        up();
    }

    @Override
    public void answerGarbage() {
        behaviour = Behaviour.GARBAGE;
        up();
    }

    @Override
    public void answerUnknownCode() {
        behaviour = Behaviour.UNKNOWN_CODE;
        up();
    }

    @Override
    public void answerWithExternalEntity(URI file) {
        externalEntity = file;
        behaviour = Behaviour.EXTERNAL_ENTITY;
        up();
    }

    private synchronized void up() {
        if (server == null) {
            server = listen(port);
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
            started.createContext("/", this::answer);
            started.setExecutor(answering);
            started.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String target = URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8);
            if (behaviour == Behaviour.SLOW) {
                sleep(delay);
            }
            if (behaviour == Behaviour.SERVER_ERROR) {
                send(exchange, 500, "internal error".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (behaviour == Behaviour.GARBAGE) {
                send(exchange, 200, "<<<this is not a record>>> {".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && rest.delivery() != null
                    && target.startsWith(rest.delivery().path())) {
                int receipt = deliveries.incrementAndGet();
                send(exchange, 200, body(rest.delivery().root(), Map.of(rest.delivery().receipt(), "SB" + receipt)));
                return;
            }
            if (rest.decisions() != null && target.startsWith(rest.decisions().path().split("\\?")[0] + "?")) {
                send(exchange, 200, body("DECISIONS", Map.of()));
                return;
            }
            // persons and entities may share a path (tax: /sw/nsr?nsrsbh=): the subject held under the id answers
            for (Map.Entry<SubjectType, Pattern> lookup : lookups.entrySet()) {
                Matcher matcher = lookup.getValue().matcher(target);
                if (matcher.matches() && matcher.group(1).equals(held(lookup.getKey()).id())) {
                    lookUp(exchange, lookup.getKey());
                    return;
                }
            }
            send(exchange, 404, new byte[0]);
        }
    }

    private void lookUp(HttpExchange exchange, SubjectType type) throws IOException {
        if (behaviour == Behaviour.UNKNOWN_CODE) {
            FixtureCase unknown = folder.fixtureWithError(type, MappingError.UNKNOWN_CODE.code()).orElseThrow(() ->
                    new IllegalStateException(folder.source() + ": add a " + type + " fixture whose expected error is "
                            + MappingError.UNKNOWN_CODE.code() + ", for the stand-in to serve"));
            send(exchange, 200, body("RECORD", unknown.record()));
            return;
        }
        Map<String, Object> record = held.get(type).record();
        if (behaviour == Behaviour.EXTERNAL_ENTITY) {
            send(exchange, 200, hostileXml(record));
            return;
        }
        send(exchange, 200, body("RECORD", record));
    }

    private byte[] body(String root, Map<String, Object> fields) throws JsonProcessingException {
        return rest.xml() ? xml(root, fields, "").getBytes(StandardCharsets.UTF_8) : FixtureCase.JSON.writeValueAsBytes(fields);
    }

    /** The record as XML with an external entity declared and used in place of its first text field. */
    private byte[] hostileXml(Map<String, Object> record) {
        String first = record.keySet().stream().filter(key -> record.get(key) instanceof String).findFirst().orElseThrow();
        String doctype = "<!DOCTYPE RECORD [<!ENTITY secret SYSTEM \"" + externalEntity + "\">]>";
        return xml("RECORD", record, doctype).replace("<" + first + ">" + escape(record.get(first).toString()) + "<",
                "<" + first + ">&secret;<").getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String root, Map<String, Object> fields, String doctype) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(doctype);
        element(xml, root, fields);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value instanceof List<?> items) {
            items.forEach(item -> element(xml, name, item));
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> children) {
            children.forEach((child, childValue) -> element(xml, child.toString(), childValue));
        } else if (value != null) {
            xml.append(escape(value.toString()));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", rest.xml() ? "application/xml;charset=UTF-8"
                : "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        goDown();
        answering.shutdownNow();
    }
}

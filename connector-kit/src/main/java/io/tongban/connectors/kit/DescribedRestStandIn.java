package io.tongban.connectors.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.described.ChangeFileDescription;
import io.tongban.connectors.described.RestDescription;
import io.tongban.mappings.ChangeMapping;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.awaitility.Awaitility;

/**
 * Test double of a described REST department, built from its folder alone: it serves, over the department's own
 * paths and body format (JSON or XML), the record of each spec's first fixture that maps without error, under
 * that fixture's subject identifier, and 404 for every other subject or path; an application is taken with a receipt
 * number, and the decision feed serves the decisions taken on cue. Misbehaving on cue, it refuses connections (its
 * port closed), answers HTTP 500, answers late, answers garbage, serves the spec's unknown-code fixture, or serves
 * XML declaring an external entity.
 */
public final class DescribedRestStandIn extends DescribedStandIn {

    private final RestDescription rest;
    private final Map<SubjectType, Pattern> lookups;
    private final Pattern decisionFeed;
    private Path changeDirectory;
    private String changeFileName;

    private DescribedRestStandIn(DepartmentFolder folder, RestDescription rest, Map<SubjectType, Pattern> lookups) {
        super(folder, new ArrayList<>(lookups.keySet()));
        this.rest = rest;
        this.lookups = lookups;
        this.decisionFeed = rest.decisions() == null ? null : placeholder(rest.decisions().path(), "{after}");
    }

    /** Starts the stand-in of a described REST department on a free loopback port. */
    public static DescribedRestStandIn of(String source) {
        DepartmentFolder folder = DepartmentFolder.of(source);
        RestDescription rest = RestDescription.read(folder.description());
        Map<SubjectType, Pattern> lookups = new EnumMap<>(SubjectType.class);
        addLookup(lookups, SubjectType.PERSON, rest.personLookup());
        addLookup(lookups, SubjectType.LEGAL_ENTITY, rest.entityLookup());
        return new DescribedRestStandIn(folder, rest, lookups);
    }

    /**
     * Where the department drops its change files (the directory the connector's feed parameter names), and under
     * which name (one its {@code change-file.include} accepts): for the change feed scenarios.
     */
    public DescribedRestStandIn dropsChangesInto(Path directory, String fileName) {
        this.changeDirectory = directory;
        this.changeFileName = fileName;
        return this;
    }

    /** A change file with one row: the first item the change mapping lists, of the entity held, changed today. */
    @Override
    public String publishChange() {
        String id = held(SubjectType.LEGAL_ENTITY).id();
        ChangeMapping mapping = ChangeMapping.fromClasspath(changeFile().spec());
        String item = mapping.items().iterator().next();
        dropChangeFile(mapping.row(id, item, "KIT变更后的值", LocalDate.now()));
        return id;
    }

    /** A change file with one row naming an item the change mapping does not know. */
    @Override
    public void publishUnmappableChange() {
        ChangeMapping mapping = ChangeMapping.fromClasspath(changeFile().spec());
        dropChangeFile(mapping.row(held(SubjectType.LEGAL_ENTITY).id(), "KIT未知事项", "x", LocalDate.now()));
    }

    private ChangeFileDescription changeFile() {
        if (changeDirectory == null) {
            throw new IllegalStateException("tell the stand-in where the department drops its change files: "
                    + "dropsChangesInto(directory, fileName)");
        }
        return ChangeFileDescription.read(folder.description());
    }

    /**
     * Writes the file beside the directory first and moves it in whole, as a department's transfer should, once the
     * connector has taken the last file of that name: moved in over a file still being read, the new one would be
     * moved away as the one that was read, unread.
     */
    private void dropChangeFile(Map<String, String> row) {
        ChangeFileDescription feed = changeFile();
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(feed.columns());
            csv.printRecord(feed.columns().stream().map(column -> row.getOrDefault(column, "")).toList());
            Path written = Files.write(Files.createTempFile(changeDirectory.getParent(), "kit-change", ".part"),
                    text.toString().getBytes(feed.charset()));
            Path target = changeDirectory.resolve(changeFileName);
            Awaitility.await("the connector taking the last change file " + target).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).until(() -> !Files.exists(target));
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The department's base URL, for {@code bus.connectors.<source>.url}. */
    public String url() {
        return baseUrl();
    }

    private static void addLookup(Map<SubjectType, Pattern> lookups, SubjectType type, String template) {
        if (template != null) {
            // the path and the query parameter the identifier travels in, e.g. /sw/nsr?nsrsbh={id} or /mz/hydj/{id}
            lookups.put(type, placeholder(template, "{id}"));
        }
    }

    /** A path template as a pattern, its placeholder the one group. */
    private static Pattern placeholder(String template, String placeholder) {
        return Pattern.compile(Pattern.quote(template).replace(placeholder, "\\E([^/&?]+)\\Q"));
    }

    @Override
    DecisionDialect dialect() {
        return rest.decisions().dialect();
    }

    @Override
    void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String target = URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8);
        if (behaviour == Behaviour.SERVER_ERROR) {
            // as careless departments do: the error quotes the request, the subject's identifier with it
            send(exchange, 500, ("internal error serving " + target).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (behaviour == Behaviour.GARBAGE) {
            send(exchange, 200, GARBAGE.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && rest.delivery() != null
                && target.startsWith(rest.delivery().path())) {
            send(exchange, 200, body(rest.delivery().root(), Map.of(rest.delivery().receipt(), takeDelivery())));
            return;
        }
        Matcher decisionsAsked = decisionFeed == null ? null : decisionFeed.matcher(target);
        if (decisionsAsked != null && decisionsAsked.matches()) {
            send(exchange, 200, body("DECISIONS", Map.of(rest.decisions().list(), decisionsAfter(decisionsAsked.group(1)))));
            return;
        }
        // persons and entities may share a path (tax: /sw/nsr?nsrsbh=): the subject held under the id answers
        for (Map.Entry<SubjectType, Pattern> lookup : lookups.entrySet()) {
            Matcher matcher = lookup.getValue().matcher(target);
            if (matcher.matches() && matcher.group(1).equals(held(lookup.getKey()).id())) {
                Map<String, Object> record = record(lookup.getKey(), behaviour);
                send(exchange, 200, behaviour == Behaviour.EXTERNAL_ENTITY ? hostileXml(record) : body("RECORD", record));
                return;
            }
        }
        send(exchange, 404, new byte[0]);
    }

    private byte[] body(String root, Map<String, Object> fields) throws JsonProcessingException {
        return rest.xml() ? xml(root, fields, "").getBytes(StandardCharsets.UTF_8) : FixtureCase.JSON.writeValueAsBytes(fields);
    }

    /** The record as XML with an external entity declared and used in place of its first text field. */
    private byte[] hostileXml(Map<String, Object> record) {
        String first = record.keySet().stream().filter(key -> record.get(key) instanceof String).findFirst().orElseThrow();
        String doctype = "<!DOCTYPE RECORD [<!ENTITY secret SYSTEM \"" + externalEntity() + "\">]>";
        return xml("RECORD", record, doctype).replace("<" + first + ">" + escape(record.get(first).toString()) + "<",
                "<" + first + ">&secret;<").getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String root, Map<String, Object> fields, String doctype) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(doctype);
        element(xml, "", root, fields);
        return xml.toString();
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, rest.xml() ? "application/xml;charset=UTF-8" : "application/json;charset=UTF-8", body);
    }
}

package io.tongban.routes.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.security.transparency.MerkleHash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Streams search results to a download, row by row, after the export itself is on record. */
@Component
class AuditExport {

    enum Format {
        NDJSON("application/x-ndjson", "ndjson"), CSV("text/csv;charset=UTF-8", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format of(String name) {
            return switch (name) {
                case "ndjson" -> NDJSON;
                case "csv" -> CSV;
                default -> throw new ApiProblem(ErrorCode.INVALID_REQUEST, "format must be ndjson or csv");
            };
        }
    }

    private static final List<String> CSV_COLUMNS = List.of("index", "time", "kind", "correlationId", "consumer",
            "actingUser", "department", "operation", "subject", "purpose", "caseReference", "outcome", "errorCode",
            "httpStatus", "latencyMs", "fieldsReturned", "fieldsWithheld", "requestDigest", "responseDigest", "leafHash");

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final int hashLength;

    AuditExport(AuditRepository repository, ObjectMapper json, MerkleHash auditHash) {
        this.repository = repository;
        this.json = json;
        this.hashLength = auditHash.hashLength();
    }

    void entries(Format format, AuditQuery query, HttpServletResponse response) throws IOException {
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"exchange-log." + format.extension + "\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(streamAfterRecording(), StandardCharsets.UTF_8))) {
            if (format == Format.CSV) {
                out.write(String.join(",", CSV_COLUMNS) + "\r\n");
            }
            repository.stream(query, entry -> write(format, entry, out));
        }
    }

    private static java.io.OutputStream streamAfterRecording() throws IOException {
        return ExchangeContext.current().orElseThrow(() -> new IllegalStateException("an export outside an API exchange"))
                .streamAfterRecording();
    }

    private void write(Format format, StoredEntry entry, Writer out) {
        try {
            AuditViews.EntryView view = AuditViews.EntryView.of(entry, hashLength);
            if (format == Format.NDJSON) {
                out.write("{\"index\":" + view.index() + ",\"leafHash\":\"" + view.leafHash() + "\",\"entry\":"
                        + view.entry() + "}\n");
            } else {
                out.write(csvRow(json.readTree(entry.text()), view.leafHash()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvRow(JsonNode entry, String leafHash) {
        List<String> cells = new ArrayList<>();
        for (String column : CSV_COLUMNS) {
            JsonNode value = switch (column) {
                case "subject" -> entry.path("subject").path("masked");
                case "leafHash" -> null;
                default -> entry.path(column);
            };
            cells.add(csvCell(column.equals("leafHash") ? leafHash : text(value)));
        }
        return String.join(",", cells) + "\r\n";
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(" ", items);
        }
        return value.asText();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so that a spreadsheet never runs a cell. */
    private static String csvCell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}

package io.tongban.connectors.described;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.ConnectorError;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.mappings.ChangeMapping;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.RecordDigest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A department's change files, run from its description's {@code change-file} section: each file dropped into the
 * directory is read row by row, each row applied on its own; a broken row is reported and skipped, the rest of the
 * file still counts. A row's digest is over its bytes as they stand in the file, without its line break (encoded
 * again in the file's charset, which for GB18030 and UTF-8 gives back the department's bytes).
 */
public class ChangeFileFeed extends RouteBuilder {

    private final String source;
    private final String directoryKey;
    private final ChangeFileDescription feed;
    private final ChangeMapping spec;

    public ChangeFileFeed(ConnectorDescription description) {
        this.source = description.source();
        this.feed = ChangeFileDescription.read(description);
        this.directoryKey = description.key(feed.directoryParameter());
        this.spec = ChangeMapping.fromClasspath(feed.spec());
    }

    @Override
    public void configure() {
        String row = "direct:" + source + ".change-file.row";
        from("file:{{" + directoryKey + "}}?include=" + feed.include() + "&charset=" + feed.charset().name()
                + "&readLock=changed&readLockMinAge=500"
                + "&move=.done/${file:name}.${date:now:HHmmssSSS}&moveFailed=.failed/${file:name}")
                .routeId(source + ".change-file.read")
                .split(body().tokenize("\n")).streaming().stopOnException()
                    .filter(simple("${exchangeProperty.CamelSplitIndex} > 0 && ${body.trim()} != ''"))
                    .to(row)
                .end()
                .log("Applied change file ${header.CamelFileName}: ${exchangeProperty.CamelSplitSize} lines");

        from(row).routeId(source + ".change-file.row")
                .doTry()
                    .process(this::mapRow)
                    .to(ConnectorDescriptor.CHANGES_ENDPOINT)
                .doCatch(MappingException.class, IllegalArgumentException.class)
                    .process(this::reject)
                    .to(ConnectorDescriptor.REJECTIONS_ENDPOINT)
                .end();
    }

    private void mapRow(Exchange exchange) throws IOException {
        String line = exchange.getMessage().getBody(String.class);
        String row = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<CSVRecord> parsed;
        try {
            parsed = CSVFormat.RFC4180.parse(new StringReader(row.strip())).getRecords();
        } catch (UncheckedIOException e) {
            // e.g. an unclosed quote: this row is malformed, the rest of the file still counts
            throw new IllegalArgumentException("not an RFC 4180 row: " + e.getMessage(), e);
        }
        List<String> columns = feed.columns();
        if (parsed.size() != 1 || parsed.get(0).size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " columns " + columns);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), parsed.get(0).get(i));
        }
        exchange.getMessage().setBody(spec.map(values, Instant.now(), RecordDigest.of(row.getBytes(feed.charset()))));
    }

    private void reject(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = cause instanceof MappingException mapping ? mapping.code() : ConnectorError.MALFORMED_ROW.code();
        String location = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)
                + ":" + (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1);
        exchange.getMessage().setBody(new RejectedChange(source, location, code, cause.getMessage()));
    }
}

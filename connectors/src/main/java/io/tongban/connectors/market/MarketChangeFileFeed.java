package io.tongban.connectors.market;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.RejectedChange;
import io.tongban.mappings.ChangeMapping;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.RecordDigest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Market supervision's daily change file {@code QYBG_yyyyMMdd.csv} (GB18030), dropped into the feed directory.
 * Each row is applied on its own: a broken row is reported and skipped, the rest of the file still counts. A row's
 * digest is over its bytes as they stand in the file, without its line break: GB18030 encodes every character in
 * exactly one way, so the decoded row encoded again gives back the department's bytes.
 */
@Component
@ConditionalOnProperty(name = "bus.connectors.market-supervision.enabled", matchIfMissing = true)
public class MarketChangeFileFeed extends RouteBuilder {

    private static final Charset FILE_CHARSET = Charset.forName("GB18030");
    private static final List<String> COLUMNS = List.of("TYSHXYDM", "BGXM", "BGQNR", "BGHNR", "BGRQ");
    private static final String ROW = "direct:market-supervision.change-file.row";

    private final ChangeMapping changeSpec = ChangeMapping.fromClasspath("specs/market-supervision/change-file.yaml");

    @Override
    public void configure() {
        from("file:{{bus.connectors.market-supervision.feed-directory}}"
                + "?include=QYBG_\\d{8}\\.csv&charset=" + FILE_CHARSET.name() + "&readLock=changed&readLockMinAge=500"
                + "&move=.done/${file:name}.${date:now:HHmmssSSS}&moveFailed=.failed/${file:name}")
                .routeId("market-supervision.change-file.read")
                .split(body().tokenize("\n")).streaming().stopOnException()
                    .filter(simple("${exchangeProperty.CamelSplitIndex} > 0 && ${body.trim()} != ''"))
                    .to(ROW)
                .end()
                .log("Applied change file ${header.CamelFileName}: ${exchangeProperty.CamelSplitSize} lines");

        from(ROW).routeId("market-supervision.change-file.row")
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
        if (parsed.size() != 1 || parsed.get(0).size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " columns " + COLUMNS);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            columns.put(COLUMNS.get(i), parsed.get(0).get(i));
        }
        exchange.getMessage().setBody(changeSpec.map(columns, Instant.now(), RecordDigest.of(row.getBytes(FILE_CHARSET))));
    }

    private void reject(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = cause instanceof MappingException mapping ? mapping.code() : "feed.malformed_row";
        String location = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)
                + ":" + (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1);
        exchange.getMessage().setBody(new RejectedChange(MarketSupervisionConnector.SOURCE, location, code, cause.getMessage()));
    }
}

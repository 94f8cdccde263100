package io.tongban.routes.base;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.RejectedChange;
import io.tongban.mappings.SourceRecord;
import io.tongban.routes.audit.ChangeFeedEntries;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Where every connector's change feed lands: the shared base, or the rejection list; each item leaves an entry in
 * the exchange log before the feed is acknowledged (the file moved to .done, the JMS transaction committed).
 */
@Component
public class ChangeFeedRoutes extends RouteBuilder {

    private final SourceRecordRepository base;
    private final ChangeRejectionRepository rejections;
    private final ChangeFeedEntries log;

    public ChangeFeedRoutes(SourceRecordRepository base, ChangeRejectionRepository rejections, ChangeFeedEntries log) {
        this.base = base;
        this.rejections = rejections;
        this.log = log;
    }

    @Override
    public void configure() {
        from(ConnectorDescriptor.CHANGES_ENDPOINT).routeId("bus.base.changes").process(this::apply);

        from(ConnectorDescriptor.REJECTIONS_ENDPOINT).routeId("bus.base.change-rejected").process(this::reject);
    }

    private void apply(Exchange exchange) {
        SourceRecord change = exchange.getMessage().getBody(SourceRecord.class);
        ChangeOutcome outcome = base.applyChange(change);
        String skipped = switch (outcome) {
            case APPLIED -> null;
            case NOT_HELD -> "base.subject_not_held";
            case OLDER_THAN_HELD -> "base.change_older_than_held";
        };
        log.applied(change, skipped == null ? "APPLIED" : "SKIPPED", skipped, correlationOf(exchange));
    }

    private void reject(Exchange exchange) {
        RejectedChange rejected = exchange.getMessage().getBody(RejectedChange.class);
        rejections.save(rejected);
        log.rejected(rejected, correlationOf(exchange));
    }

    /** The items of one change file share the file's exchange id; an event is its own. */
    private static String correlationOf(Exchange exchange) {
        return exchange.getProperty(Exchange.CORRELATION_ID, exchange.getExchangeId(), String.class);
    }
}

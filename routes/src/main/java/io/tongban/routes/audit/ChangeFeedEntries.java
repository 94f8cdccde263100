package io.tongban.routes.audit;

import io.tongban.connectors.RejectedChange;
import io.tongban.mappings.SourceRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The exchange-log entries of change-feed items: each item applied, skipped or rejected leaves one. */
@Component
public class ChangeFeedEntries {

    private final ExchangeLog log;
    private final SubjectHasher hasher;

    ChangeFeedEntries(ExchangeLog log, SubjectHasher hasher) {
        this.log = log;
        this.hasher = hasher;
    }

    /**
     * @param outcome APPLIED, or SKIPPED with the reason as error code (the base does not hold the subject, or holds
     *                fresher values)
     */
    public void applied(SourceRecord change, String outcome, String reason, String correlationId) {
        log.record(entry(change.source(), outcome, correlationId)
                .subject(hasher.reference(change.subjectType(), change.subjectId()))
                .fields(List.copyOf(change.fields().keySet()), List.of())
                .digests(null, change.digest())
                .error(reason));
    }

    public void rejected(RejectedChange rejected, String correlationId) {
        log.record(entry(rejected.source(), "REJECTED", correlationId).error(rejected.code()));
    }

    private static ExchangeEntry entry(String source, String outcome, String correlationId) {
        return new ExchangeEntry(ExchangeEntry.Kind.CHANGE_FEED, Instant.now(), correlationId, source + ".change", outcome)
                .department(source);
    }
}

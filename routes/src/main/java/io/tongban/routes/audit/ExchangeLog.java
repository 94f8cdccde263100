package io.tongban.routes.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The recording point of the bus: every exchange it performs or refuses reaches the log through here, and whoever
 * records waits until the entries are durable before answering.
 */
public class ExchangeLog {

    private final ExchangeLogWriter writer;
    private final Duration timeout;
    private final boolean enabled;

    ExchangeLog(ExchangeLogWriter writer, Duration timeout, boolean enabled) {
        this.writer = writer;
        this.timeout = timeout;
        this.enabled = enabled;
    }

    /**
     * @return the entries' indexes in the log (empty when the log is switched off for a benchmark)
     * @throws AuditUnavailableException when they could not be made durable within {@code bus.audit.append-timeout}
     */
    public long[] record(List<ExchangeEntry> entries) {
        if (!enabled || entries.isEmpty()) {
            return new long[0];
        }
        CompletableFuture<long[]> durable = writer.append(entries);
        try {
            return durable.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            durable.cancel(false); // not written if the writer has not taken it yet
            throw new AuditUnavailableException("the exchange log did not confirm the entry within " + timeout, e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the exchange log could not write the entry", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the exchange log", e);
        }
    }

    /**
     * Waits until every entry recorded so far is in the log's tables, where its readers look (on the embedded database
     * they follow the journal by a few milliseconds).
     *
     * @throws AuditUnavailableException when the tables do not catch up within {@code bus.audit.append-timeout}
     */
    public void awaitReadable() {
        awaitReadable(Long.MAX_VALUE);
    }

    /**
     * Waits until the log's tables hold its first {@code entries} entries, or every entry recorded so far when fewer
     * were: for a reader that names the part of the tree it reads (a proof, an entry), and need not wait for later ones.
     *
     * @throws AuditUnavailableException when the tables do not catch up within {@code bus.audit.append-timeout}
     */
    public void awaitReadable(long entries) {
        try {
            writer.awaitApplied(timeout, entries);
        } catch (IllegalStateException e) {
            throw new AuditUnavailableException("the exchange log's tables did not take its latest entries", e);
        }
    }

    public long[] record(ExchangeEntry entry) {
        return record(List.of(entry));
    }
}

package io.tongban.routes.audit;

import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.StoredHashes;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the exchange log on this node. Exchanges hand it their entries and wait; it takes whatever has
 * queued up, appends it to the tree in one transaction (group commit: one durable write for many exchanges) and
 * only then lets them go on. The head row is locked for the transaction, so several nodes on one database grow one
 * tree; this node remembers the right edge of the tree between batches and reloads it when another node moved on.
 */
class ExchangeLogWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeLogWriter.class);
    private static final String INSERT = "INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind,"
            + " correlation_id, consumer, department, operation, subject_hash, outcome, purpose)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    /** An entry with its text, written by the exchange's own thread so that the writer only places it. */
    private record Prepared(ExchangeEntry entry, EntryText text) {
    }

    /** Entries of one exchange and the future that tells the exchange their indexes once they are durable. */
    private record Pending(List<Prepared> entries, CompletableFuture<long[]> done) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MerkleHash hash;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private Thread thread;
    /** The tree's right edge as this node last wrote it; null when it must be read from the head row. */
    private CompactRange edge;
    private byte[] lastLeaf;

    ExchangeLogWriter(JdbcTemplate jdbc, TransactionTemplate transactions, MerkleHash hash, int maxBatch) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.hash = hash;
        this.maxBatch = maxBatch;
    }

    /** Queues the entries of one exchange; the future completes with their indexes once they are committed. */
    CompletableFuture<long[]> append(List<ExchangeEntry> entries) {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        List<Prepared> prepared = entries.stream().map(entry -> new Prepared(entry, entry.text())).toList();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the exchange-log writer is not running"));
        } else if (!queue.offer(new Pending(prepared, done))) {
            done.completeExceptionally(new IllegalStateException("the exchange-log queue is full"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int count = first.entries().size();
                Pending next;
                while (count < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    count += next.entries().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Pending> live = batch.stream().filter(p -> !p.done().isDone()).toList(); // a waiter gave up: not written
        if (live.isEmpty()) {
            return;
        }
        try {
            Appended appended = transactions.execute(status -> appendInTransaction(live));
            edge = appended.edge();
            lastLeaf = appended.lastLeaf();
            for (int i = 0; i < live.size(); i++) {
                live.get(i).done().complete(appended.indexes().get(i));
            }
        } catch (RuntimeException e) {
            edge = null; // the head row tells where the tree stands after a failed transaction
            LOG.error("Could not append {} exchange(s) to the exchange log", live.size(), e);
            live.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private record Appended(CompactRange edge, byte[] lastLeaf, List<long[]> indexes) {
    }

    private Appended appendInTransaction(List<Pending> batch) {
        CompactRange range = lockHead();
        byte[] previous = lastLeaf;
        List<Object[]> rows = new ArrayList<>();
        List<long[]> indexes = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            long[] assigned = new long[pending.entries().size()];
            for (int i = 0; i < assigned.length; i++) {
                ExchangeEntry entry = pending.entries().get(i).entry();
                long index = range.size();
                byte[] text = pending.entries().get(i).text().at(index, previous == null ? "" : BASE64.encodeToString(previous));
                byte[] leaf = hash.leaf(text);
                byte[] hashes = StoredHashes.of(leaf, range.append(leaf));
                rows.add(new Object[] {index, text, hashes, Timestamp.from(entry.time()), entry.kind().code(),
                        entry.get("correlationId"), entry.get("consumer"), entry.get("department"),
                        entry.get("operation"), subjectHash(entry), entry.outcome(), entry.get("purpose")});
                assigned[i] = index;
                previous = leaf;
            }
            indexes.add(assigned);
        }
        jdbc.batchUpdate(INSERT, rows);
        jdbc.update("UPDATE audit_head SET tree_size = ?, peaks = ?, last_leaf = ? WHERE id = 1",
                range.size(), Peaks.join(range.peaks()), previous);
        return new Appended(range, previous, indexes);
    }

    /** Locks the head row and answers the tree's right edge: remembered, unless another node has appended since. */
    private CompactRange lockHead() {
        return jdbc.queryForObject("SELECT tree_size, peaks, last_leaf FROM audit_head WHERE id = 1 FOR UPDATE",
                (row, i) -> {
                    long size = row.getLong("tree_size");
                    if (edge != null && edge.size() == size) {
                        return edge.copy();
                    }
                    lastLeaf = row.getBytes("last_leaf");
                    return CompactRange.of(hash, size, Peaks.split(row.getBytes("peaks"), hash.hashLength()));
                });
    }

    /** The subject's keyed hash as bytes: H2 writes a byte string at memory speed, a character string char by char. */
    private static byte[] subjectHash(ExchangeEntry entry) {
        Object subject = entry.get("subject");
        return subject instanceof java.util.Map<?, ?> map ? HexFormat.of().parseHex((String) map.get("hash")) : null;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "exchange-log-writer");
        thread.start();
    }

    /** Stops taking entries and writes what is queued before the database goes away. */
    @Override
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server and Camel, which hand it entries. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}

package io.tongban.routes.audit;

import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.MerkleHash;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings journaled rows into the exchange log's tables on a thread of its own, whatever gathered in
 * {@code bus.audit.apply-interval} in transactions of at most {@code bus.audit.apply-batch} rows (H2 inserts into the
 * random-key subject index at about half the rate in transactions of 2,000 rows than of 500). Readers of the log wait
 * for it ({@link #awaitApplied}); the journal runs at most {@value #BACKLOG_BATCHES} transactions ahead of the tables,
 * so that they never wait long. When the tables refuse rows, new entries are refused too (fail closed) and the rows
 * are tried again until they go in.
 */
final class JournalApplier {

    private static final Logger LOG = LoggerFactory.getLogger(JournalApplier.class);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);
    private static final int BACKLOG_BATCHES = 8;

    /** Rows the writer journaled, with the tree's right edge and last leaf after them. */
    record Batch(List<LogRow> rows, CompactRange edge, byte[] lastLeaf) {
    }

    private final ExchangeLogJournal journal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MerkleHash hash;
    private final Duration interval;
    private final int maxRows;
    private final int maxBacklog;
    private final Duration backlogWait;
    private final Object lock = new Object();
    private final ArrayDeque<Batch> pending = new ArrayDeque<>(); // guarded by lock; only the applier removes
    private int pendingRows;
    private long journaled;
    private boolean hurry;
    private volatile long applied;
    private volatile RuntimeException failure;
    private volatile boolean running;
    private Thread thread;

    JournalApplier(ExchangeLogJournal journal, JdbcTemplate jdbc, TransactionTemplate transactions, MerkleHash hash,
                   Duration interval, int maxRows, Duration backlogWait) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.hash = hash;
        this.interval = interval;
        this.maxRows = maxRows;
        this.maxBacklog = BACKLOG_BATCHES * maxRows;
        this.backlogWait = backlogWait;
    }

    /**
     * Brings into the tables whatever the journal holds beyond them (a crash came between a write and its apply), empties
     * the journal, and starts the applier thread.
     */
    void start() {
        Recovery recovery = jdbc.queryForObject("SELECT tree_size, peaks, last_leaf FROM audit_head WHERE id = 1",
                (row, i) -> new Recovery(CompactRange.of(hash, row.getLong(1),
                        Peaks.split(row.getBytes(2), hash.hashLength())), row.getBytes(3)));
        journal.read(recovery::take);
        recovery.flush();
        if (recovery.recovered > 0) {
            LOG.info("Brought {} exchange-log entries from the journal into the tables", recovery.recovered);
        }
        journal.clear();
        applied = journaled = recovery.edge.size();
        running = true;
        thread = new Thread(this::run, "exchange-log-applier");
        thread.start();
    }

    /** Rows the journal holds after the tables' rows, placed again into the tables in order. */
    private final class Recovery {
        private final CompactRange edge;
        private byte[] lastLeaf;
        private final List<LogRow> rows = new ArrayList<>();
        private long recovered;

        Recovery(CompactRange edge, byte[] lastLeaf) {
            this.edge = edge;
            this.lastLeaf = lastLeaf;
        }

        void take(LogRow row) {
            if (row.index() < edge.size()) {
                return; // in the tables already
            }
            if (row.index() != edge.size()) {
                throw new IllegalStateException("the exchange-log journal holds entry " + row.index()
                        + " but the log ends at " + edge.size() + ": entries in between are missing");
            }
            byte[] leaf = hash.leaf(row.text());
            if (!Arrays.equals(leaf, Arrays.copyOf(row.hashes(), leaf.length))) {
                throw new IllegalStateException("the exchange-log journal's entry " + row.index() + " does not match its hash");
            }
            edge.append(leaf);
            lastLeaf = leaf;
            rows.add(row);
            if (rows.size() == maxRows) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                apply(new Batch(List.copyOf(rows), edge.copy(), lastLeaf));
                recovered += rows.size();
                rows.clear();
            }
        }
    }

    /**
     * Journals the rows and queues them for the tables; first waits while the tables are too far behind.
     *
     * @throws IllegalStateException when the tables refused the last rows (nothing more is acknowledged until they take
     *                               them), or stayed too far behind for longer than the append timeout
     */
    void journal(Batch batch) throws InterruptedException {
        RuntimeException refused = failure;
        if (refused != null) {
            throw new IllegalStateException("the exchange log's tables refuse new rows", refused);
        }
        long deadline = System.nanoTime() + backlogWait.toNanos();
        synchronized (lock) {
            while (pendingRows >= maxBacklog && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the exchange log's tables stay " + pendingRows
                            + " entries behind its journal");
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        journal.write(batch.rows());
        synchronized (lock) {
            pending.add(batch);
            pendingRows += batch.rows().size();
            journaled = batch.edge().size();
            if (pending.size() == 1 || pendingRows >= maxRows) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Waits until the tables hold their first {@code rows} rows, or every row journaled before this call when fewer
     * were, so that a reader sees what was acknowledged.
     */
    void awaitApplied(Duration timeout, long rows) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = Math.min(journaled, rows);
            if (applied < target) {
                hurry = true;
                lock.notifyAll();
            }
            try {
                while (applied < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("the exchange log's tables are behind its journal",
                                failure);
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the exchange log's tables", e);
            }
        }
    }

    private void run() {
        while (true) {
            List<Batch> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (group.isEmpty()) {
                return; // stopped, nothing left
            }
            List<LogRow> rows = group.stream().flatMap(b -> b.rows().stream()).toList();
            Batch last = group.get(group.size() - 1);
            try {
                apply(new Batch(rows, last.edge(), last.lastLeaf()));
                failure = null;
            } catch (RuntimeException e) {
                if (failure == null) {
                    LOG.error("Could not bring {} exchange-log entries into the tables; new entries are refused until"
                            + " they are in (they are safe in the journal)", rows.size(), e);
                }
                failure = e;
                if (!pause(RETRY_AFTER)) {
                    return;
                }
                continue;
            }
            synchronized (lock) {
                for (int i = 0; i < group.size(); i++) {
                    pending.removeFirst();
                }
                pendingRows -= rows.size();
                applied = last.edge().size();
                lock.notifyAll();
            }
            journal.release(applied);
        }
    }

    /** The batches to apply next: waits for the first, then up to the interval for more; empty once stopped and done. */
    private List<Batch> nextGroup() throws InterruptedException {
        synchronized (lock) {
            while (pending.isEmpty() && running) {
                lock.wait();
            }
            long until = System.nanoTime() + interval.toNanos();
            long left;
            while (running && !hurry && pendingRows < maxRows && (left = until - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
            hurry = false;
            List<Batch> group = new ArrayList<>();
            int rows = 0;
            for (Batch batch : pending) {
                if (!group.isEmpty() && rows + batch.rows().size() > maxRows) {
                    break;
                }
                group.add(batch);
                rows += batch.rows().size();
            }
            return group;
        }
    }

    /** Inserts the rows after the tables' last one, under the head row's lock; rows already there are skipped. */
    private void apply(Batch batch) {
        transactions.executeWithoutResult(status -> {
            long size = jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1 FOR UPDATE", Long.class);
            List<LogRow> rows = batch.rows().stream().filter(row -> row.index() >= size).toList();
            if (rows.isEmpty()) {
                return;
            }
            if (rows.get(0).index() != size) {
                throw new IllegalStateException("the exchange log's tables end at " + size + " but the journal goes on at "
                        + rows.get(0).index() + ": did another process write them?");
            }
            LogRow.store(jdbc, rows, batch.edge(), batch.lastLeaf());
        });
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops once every journaled row is in the tables (the journal is then emptied), or gives up after a while. */
    void stop() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (pending.isEmpty()) {
                journal.clear();
            } else {
                LOG.warn("Stopped with {} exchange-log entries not yet in the tables: the journal keeps them for the"
                        + " next start", pendingRows);
                thread.interrupt();
            }
        }
        journal.close();
    }
}

package io.tongban.routes.audit;

import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.StoredHashes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the exchange log on this node. Exchanges hand it their entries and wait; whatever has queued up
 * is placed in the tree and made durable in one write (group commit: one durable write for many exchanges), and only
 * then may the exchanges go on.
 *
 * <p>On a database several nodes may share, a writer thread makes each batch one transaction with the head row locked,
 * so that the nodes grow one tree; this node remembers the right edge of the tree between batches and reloads it when
 * another node moved on. On the embedded database, which only this process can open, a batch is one write to the
 * journal, made by an exchange's own thread (a journal write takes microseconds, less than handing the entry to
 * another thread and back), and reaches the tables a moment later through the {@link JournalApplier}.
 */
class ExchangeLogWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeLogWriter.class);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final int EXTRA_BATCHES = 4;

    /** An entry with its text, written by the exchange's own thread so that the writer only places it. */
    private record Prepared(ExchangeEntry entry, EntryText text) {
    }

    /**
     * Entries of one exchange, the future that tells the exchange their indexes once they are durable, and the thread
     * that waits for them, with whether it was handed the journal's turn.
     */
    private record Pending(List<Prepared> entries, CompletableFuture<long[]> done, Thread waiter, AtomicBoolean turn) {
        Pending(List<Prepared> entries, CompletableFuture<long[]> done) {
            this(entries, done, Thread.currentThread(), new AtomicBoolean());
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MerkleHash hash;
    private final int maxBatch;
    /** Null where several nodes may share the database: each batch is then a transaction of its own. */
    private final JournalApplier journal;
    /** Held by the exchange thread writing the journal. */
    private final ReentrantLock journalTurn = new ReentrantLock();
    /** How long an exchange waits for its entries to be journaled before it is refused. */
    private final Duration journalWait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private Thread thread;
    /** The tree's right edge as this node last wrote it; null when it must be read from the head row. */
    private CompactRange edge;
    private byte[] lastLeaf;

    /** @param journalWait how long an exchange waits for its turn at the journal (the append timeout) */
    ExchangeLogWriter(JdbcTemplate jdbc, TransactionTemplate transactions, MerkleHash hash, int maxBatch,
                      JournalApplier journal, Duration journalWait) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.hash = hash;
        this.maxBatch = maxBatch;
        this.journal = journal;
        this.journalWait = journalWait;
    }

    /**
     * Waits until the log's tables hold their first {@code entries} entries, or every entry acknowledged so far when
     * fewer were (at once without a journal).
     */
    void awaitApplied(Duration timeout, long entries) {
        if (journal != null) {
            journal.awaitApplied(timeout, entries);
        }
    }

    /**
     * Queues the entries of one exchange; the future completes with their indexes once they are durable (journaled,
     * it has by the time this returns).
     */
    CompletableFuture<long[]> append(List<ExchangeEntry> entries) {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        List<Prepared> prepared = entries.stream().map(entry -> new Prepared(entry, entry.text())).toList();
        Pending pending = new Pending(prepared, done);
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the exchange-log writer is not running"));
        } else if (!queue.offer(pending)) {
            done.completeExceptionally(new IllegalStateException("the exchange-log queue is full"));
        } else if (journal != null) {
            writeJournaled(pending);
        }
        return done;
    }

    /**
     * Writes this exchange's entries, or waits while another exchange's thread writes them. Whoever holds the
     * journal's turn writes everything queued, this exchange's entries among them; the exchanges it wrote are woken
     * at once, each on its own thread. (A fair lock that every exchange had to take in turn, written or not, woke them
     * one after another: on two busy cores each hand-over waited for a core, and at half the saturation rate exchanges
     * spent 42% of their time in that queue.)
     */
    private void writeJournaled(Pending pending) {
        long deadline = System.nanoTime() + journalWait.toNanos();
        CompletableFuture<long[]> done = pending.done();
        while (true) {
            if (journalTurn.tryLock()) {
                boolean stoppedShort;
                try {
                    stoppedShort = writeQueued(pending);
                } finally {
                    journalTurn.unlock();
                }
                // Handed on only once let go, so that the exchange woken finds the turn free. Otherwise an exchange that
                // queued while the turn was being let go found it taken, and waits for a writer.
                if ((stoppedShort && handOn()) || queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (done.isDone()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                done.completeExceptionally(new IllegalStateException( // not written once it is done
                        "the exchange-log journal was busy for " + journalWait));
                if (pending.turn().get()) {
                    handOn();
                }
                return;
            }
            if (!pending.turn().getAndSet(false)) {
                LockSupport.parkNanos(this, left); // until written, or handed the turn
            }
            if (Thread.interrupted()) {
                done.completeExceptionally(new InterruptedException("interrupted while waiting for the journal"));
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Writes what is queued until the queue is empty, or, once the exchange's own entries are written, for at most
     * {@value #EXTRA_BATCHES} more batches, so that no exchange's answer waits long on others' entries; answers whether
     * it stopped with exchanges still queued (the turn is then to be handed on).
     */
    private boolean writeQueued(Pending own) {
        List<Pending> batch = new ArrayList<>();
        int extra = 0;
        while (drainInto(batch, 0)) {
            write(batch);
            batch.stream().filter(written -> written != own).forEach(written -> LockSupport.unpark(written.waiter()));
            batch.clear();
            if (own.done().isDone() && extra++ == EXTRA_BATCHES && !queue.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands the journal's turn to the oldest exchange still waiting in the queue; answers whether there was one. (Should
     * that exchange give up before it takes the turn, the next exchange to arrive takes it.)
     */
    private boolean handOn() {
        for (Pending next : queue) {
            if (!next.done().isDone()) {
                next.turn().set(true);
                LockSupport.unpark(next.waiter());
                return true;
            }
        }
        return false;
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
                drainInto(batch, first.entries().size());
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Adds queued exchanges to a batch holding {@code count} entries until it holds {@code maxBatch} (an exchange's
     * entries stay together); answers whether the batch holds any.
     */
    private boolean drainInto(List<Pending> batch, int count) {
        Pending next;
        while (count < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
            count += next.entries().size();
        }
        return !batch.isEmpty();
    }

    private void write(List<Pending> batch) {
        List<Pending> live = batch.stream().filter(p -> !p.done().isDone()).toList(); // a waiter gave up: not written
        if (live.isEmpty()) {
            return;
        }
        try {
            Placed placed = journal == null ? transactions.execute(status -> appendInTransaction(live)) : appendToJournal(live);
            edge = placed.edge();
            lastLeaf = placed.lastLeaf();
            for (int i = 0; i < live.size(); i++) {
                live.get(i).done().complete(placed.indexes().get(i));
            }
        } catch (RuntimeException | InterruptedException e) {
            if (journal == null) {
                edge = null; // the head row tells where the tree stands after a failed transaction
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.error("Could not append {} exchange(s) to the exchange log", live.size(), e);
            live.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** A batch's rows at their places in the tree, the tree's edge after them, and each exchange's indexes. */
    private record Placed(List<LogRow> rows, CompactRange edge, byte[] lastLeaf, List<long[]> indexes) {
    }

    private Placed appendInTransaction(List<Pending> batch) {
        Placed placed = place(batch, lockHead(), lastLeaf);
        LogRow.store(jdbc, placed.rows(), placed.edge(), placed.lastLeaf());
        return placed;
    }

    private Placed appendToJournal(List<Pending> batch) throws InterruptedException {
        Placed placed = place(batch, edge.copy(), lastLeaf); // a placed edge is never changed: the next batch copies it
        journal.journal(new JournalApplier.Batch(placed.rows(), placed.edge(), placed.lastLeaf()));
        return placed;
    }

    private Placed place(List<Pending> batch, CompactRange range, byte[] previous) {
        List<LogRow> rows = new ArrayList<>();
        List<long[]> indexes = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            long[] assigned = new long[pending.entries().size()];
            for (int i = 0; i < assigned.length; i++) {
                ExchangeEntry entry = pending.entries().get(i).entry();
                long index = range.size();
                byte[] text = pending.entries().get(i).text().at(index, previous == null ? "" : BASE64.encodeToString(previous));
                byte[] leaf = hash.leaf(text);
                byte[] hashes = StoredHashes.of(leaf, range.append(leaf));
                rows.add(new LogRow(index, text, hashes, entry.time(), entry.kind().code(), (String) entry.get("correlationId"),
                        (String) entry.get("consumer"), (String) entry.get("department"), (String) entry.get("operation"),
                        subjectHash(entry), entry.outcome(), (String) entry.get("purpose")));
                assigned[i] = index;
                previous = leaf;
            }
            indexes.add(assigned);
        }
        return new Placed(rows, range, previous, indexes);
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

    /**
     * Without a journal, starts the writer thread; with one, first brings what a crash left in it into the tables and
     * starts from the tables' head.
     */
    @Override
    public void start() {
        if (journal != null) {
            journal.start();
            edge = transactions.execute(status -> lockHead());
            running = true;
            return;
        }
        running = true;
        thread = new Thread(this::run, "exchange-log-writer");
        thread.start();
    }

    /** Stops taking entries and makes what is queued durable before the database goes away. */
    @Override
    public void stop() {
        running = false;
        if (journal != null) {
            journalTurn.lock(); // the last journal write is over
            try {
                journal.stop();
            } finally {
                journalTurn.unlock();
            }
            return;
        }
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

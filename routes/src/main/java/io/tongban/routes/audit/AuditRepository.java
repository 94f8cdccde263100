package io.tongban.routes.audit;

import io.tongban.security.transparency.Checkpoint;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.NodeId;
import io.tongban.security.transparency.NodeSource;
import io.tongban.security.transparency.StoredHashes;
import io.tongban.security.transparency.SignedCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the exchange log's tables (the writer and the checkpoint publisher write them). Plain SQL, H2 and PostgreSQL. */
@Repository
class AuditRepository {

    /** Where the tree stands: its size and right edge, and the size of the last signed checkpoint. */
    record Head(long size, byte[] peaks, long checkpointSize) {
    }

    private static final String ENTRY_COLUMNS = "SELECT idx, entry_json, hashes FROM audit_entry";
    private static final String CHECKPOINT_COLUMNS =
            "SELECT signed_text, signature, timestamp_token, signed_at FROM audit_checkpoint";
    private static final int STREAM_FETCH_SIZE = 1_000;
    private static final int RANGE_ROWS = 10_000;
    private static final int RANGES_AHEAD = 2;

    /** Entries per bucket of H2's subject index, as V13 computes the bucket. */
    static final int SUBJECT_BUCKET_ROWS = 4096;

    private final JdbcTemplate jdbc;
    private final boolean subjectBuckets;

    AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.subjectBuckets = "H2".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName()));
    }

    Head head() {
        return jdbc.queryForObject("SELECT tree_size, peaks, checkpoint_size FROM audit_head WHERE id = 1",
                (row, i) -> new Head(row.getLong(1), row.getBytes(2), row.getLong(3)));
    }

    Optional<StoredEntry> entry(long index) {
        return jdbc.query(ENTRY_COLUMNS + " WHERE idx = ?", AuditRepository::toEntry, index).stream().findFirst();
    }

    /**
     * The tree's complete subtrees as the writer stored them: node (level l, index k) sits in the row of the leaf
     * that completed it.
     */
    NodeSource nodes(MerkleHash hash) {
        return StoredHashes.nodeSource(this::hashes, hash.hashLength());
    }

    /**
     * The same, with the rows that hold {@code needed} read in one query (a proof needs some 30 to 60 nodes: one
     * query each would cost more than the proof).
     */
    NodeSource nodes(MerkleHash hash, Collection<NodeId> needed) {
        List<Long> rows = needed.stream().map(n -> StoredHashes.rowOf(n.level(), n.index())).distinct().toList();
        Map<Long, byte[]> fetched = new HashMap<>();
        if (!rows.isEmpty()) {
            String in = String.join(",", Collections.nCopies(rows.size(), "?"));
            jdbc.query("SELECT idx, hashes FROM audit_entry WHERE idx IN (" + in + ")",
                    (RowCallbackHandler) row -> fetched.put(row.getLong(1), row.getBytes(2)), rows.toArray());
        }
        return StoredHashes.nodeSource(row -> fetched.containsKey(row) ? fetched.get(row) : hashes(row), hash.hashLength());
    }

    private byte[] hashes(long index) {
        List<byte[]> found = jdbc.query("SELECT hashes FROM audit_entry WHERE idx = ?", (row, i) -> row.getBytes(1), index);
        if (found.isEmpty()) {
            throw new IllegalStateException("the exchange log has no row " + index + " below its head");
        }
        return found.get(0);
    }

    List<StoredEntry> search(AuditQuery query) {
        if (!inSubjectBuckets(query)) {
            List<Object> parameters = new ArrayList<>();
            return jdbc.query(ENTRY_COLUMNS + query.where(parameters) + " ORDER BY idx DESC FETCH FIRST " + query.limit()
                    + " ROWS ONLY", AuditRepository::toEntry, parameters.toArray());
        }
        List<StoredEntry> found = new ArrayList<>();
        for (long bucket = newestBucket(query); bucket >= 0 && found.size() < query.limit(); bucket--) {
            List<Object> parameters = new ArrayList<>();
            found.addAll(jdbc.query(ENTRY_COLUMNS + query.where(parameters, bucket) + " ORDER BY idx DESC FETCH FIRST "
                    + (query.limit() - found.size()) + " ROWS ONLY", AuditRepository::toEntry, parameters.toArray()));
        }
        return found;
    }

    /** Every match, newest first, row by row (an export of millions of entries never sits in memory). */
    @Transactional(readOnly = true) // PostgreSQL streams with a fetch size only inside a transaction
    public void stream(AuditQuery query, Consumer<StoredEntry> each) {
        if (!inSubjectBuckets(query)) {
            List<Object> parameters = new ArrayList<>();
            streamSql(ENTRY_COLUMNS + query.where(parameters) + " ORDER BY idx DESC", each, parameters.toArray());
            return;
        }
        for (long bucket = newestBucket(query); bucket >= 0; bucket--) {
            List<Object> parameters = new ArrayList<>();
            streamSql(ENTRY_COLUMNS + query.where(parameters, bucket) + " ORDER BY idx DESC", each, parameters.toArray());
        }
    }

    /** Whether the query asks H2's subject index, which holds a subject's entries bucket by bucket (V13). */
    private boolean inSubjectBuckets(AuditQuery query) {
        return subjectBuckets && query.bySubject();
    }

    /** The bucket of the newest row the query could find: the table's last, or the last before {@code before}. */
    private long newestBucket(AuditQuery query) {
        Long last = jdbc.queryForObject("SELECT MAX(idx) FROM audit_entry", Long.class);
        if (last == null) {
            return -1;
        }
        long newest = query.before() == null ? last : Math.min(last, query.before() - 1);
        return Math.max(newest, 0) / SUBJECT_BUCKET_ROWS;
    }

    /** The rows below {@code size} in index order, as stored (gaps and all), for the bundle. */
    public void streamInOrder(long size, Consumer<StoredEntry> each) {
        streamInOrder(size, Function.identity(), each);
    }

    /**
     * The same, each row first turned by {@code onReader} on the thread that read it: the rows are read as ranges of
     * indexes, up to {@value #RANGES_AHEAD} ranges ahead of {@code inOrder} on their own connections, so that reading
     * rows and whatever work of theirs needs no order (a verification's hashing) run beside the in-order rest on
     * another core. (One query over the whole log also made H2 copy every row into a temporary file first.)
     */
    public <T> void streamInOrder(long size, Function<StoredEntry, T> onReader, Consumer<T> inOrder) {
        ExecutorService readers = Executors.newFixedThreadPool(RANGES_AHEAD, runnable -> {
            Thread reader = new Thread(runnable, "exchange-log-reader");
            reader.setDaemon(true);
            return reader;
        });
        try {
            Deque<Future<List<T>>> ahead = new ArrayDeque<>();
            long from = Long.MIN_VALUE; // the first range holds any row below zero too
            boolean allAsked = false;
            while (!allAsked || !ahead.isEmpty()) {
                while (!allAsked && ahead.size() < RANGES_AHEAD) {
                    long start = from;
                    long end = start == Long.MIN_VALUE ? Math.min(RANGE_ROWS, size) : Math.min(start + RANGE_ROWS, size);
                    ahead.add(readers.submit(() -> jdbc.query(ENTRY_COLUMNS + " WHERE idx >= ? AND idx < ? ORDER BY idx",
                            (row, i) -> onReader.apply(toEntry(row, i)), start, end)));
                    allAsked = end >= size;
                    from = end;
                }
                ahead.removeFirst().get().forEach(inOrder);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the exchange log", e);
        } finally {
            readers.shutdownNow();
        }
    }

    private void streamSql(String sql, Consumer<StoredEntry> each, Object... parameters) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }, (RowCallbackHandler) row -> each.accept(toEntry(row, 0)));
    }

    /** A row the writer never wrote, and the size of the tree it lies outside. */
    record Stray(long index, long treeSize) {
    }

    /**
     * The lowest row index below zero or at or past the head: read with the head in one statement, so that rows and head
     * committed together by an append meanwhile are seen together (read one after the other, a row appended between
     * the two reads looked inserted behind the writer's back).
     */
    Optional<Stray> firstRowOutside() {
        return jdbc.query("SELECT h.tree_size, (SELECT MIN(e.idx) FROM audit_entry e WHERE e.idx < 0 OR e.idx >= h.tree_size)"
                        + " FROM audit_head h WHERE h.id = 1",
                (row, i) -> row.getObject(2) == null ? null : new Stray(row.getLong(2), row.getLong(1)))
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.query(CHECKPOINT_COLUMNS + " ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY",
                AuditRepository::toCheckpoint).stream().findFirst();
    }

    Optional<StoredCheckpoint> checkpoint(long size) {
        return jdbc.query(CHECKPOINT_COLUMNS + " WHERE tree_size = ?", AuditRepository::toCheckpoint, size)
                .stream().findFirst();
    }

    /** Newest first, below {@code before} when given. */
    List<StoredCheckpoint> checkpoints(Long before, int limit) {
        return before == null
                ? jdbc.query(CHECKPOINT_COLUMNS + " ORDER BY tree_size DESC FETCH FIRST " + limit + " ROWS ONLY",
                        AuditRepository::toCheckpoint)
                : jdbc.query(CHECKPOINT_COLUMNS + " WHERE tree_size < ? ORDER BY tree_size DESC FETCH FIRST "
                        + limit + " ROWS ONLY", AuditRepository::toCheckpoint, before);
    }

    /**
     * The checkpoints whose signatures a verification checks, oldest first: every timestamped one (at least one a
     * minute) and the latest. Checking each of a day's 172,800 half-second checkpoints would cost over a minute of CMS
     * verification; the timestamped ones pin the tree as firmly, since every later root must reproduce from the same
     * leaves. Chosen by the database, so that the others are never read into the bus.
     */
    List<StoredCheckpoint> checkpointsToVerify() {
        return jdbc.query(CHECKPOINT_COLUMNS + " WHERE timestamp_token IS NOT NULL"
                + " OR tree_size = (SELECT MAX(tree_size) FROM audit_checkpoint) ORDER BY tree_size",
                AuditRepository::toCheckpoint);
    }

    /** When the last timestamped checkpoint was signed, if any was. */
    Optional<java.time.Instant> lastTimestamped() {
        // newest first along the key: a few hundred rows at most (one is timestamped a minute), not the whole table,
        // which grows by two checkpoints a second
        return jdbc.query("SELECT signed_at FROM audit_checkpoint WHERE timestamp_token IS NOT NULL"
                        + " ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY",
                (row, i) -> row.getTimestamp(1).toInstant()).stream().findFirst();
    }

    private static StoredEntry toEntry(ResultSet row, int index) throws SQLException {
        return new StoredEntry(row.getLong("idx"), row.getBytes("entry_json"), row.getBytes("hashes"));
    }

    private static StoredCheckpoint toCheckpoint(ResultSet row, int index) throws SQLException {
        return new StoredCheckpoint(new SignedCheckpoint(Checkpoint.parse(row.getString("signed_text")),
                row.getBytes("signature"), row.getBytes("timestamp_token")), row.getTimestamp("signed_at").toInstant());
    }
}

package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tongban.routes.MigrationDatabase;
import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.StoredHashes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange log on the embedded H2 file database, as the bus runs it by default: appends are acknowledged once
 * journaled and reach the tables in the background. Real H2 files and a real journal directory.
 */
class JournaledExchangeLogTest {

    private static final MerkleHash HASH = MerkleHash.fromName("SHA-256");

    @TempDir
    Path directory;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        MigrationDatabase database = MigrationDatabase.h2(directory);
        database.migrateTo("latest");
        jdbc = database.jdbc();
        jdbc.update("INSERT INTO audit_head (id, hash_algorithm, tree_size, peaks, checkpoint_size) VALUES (1, ?, 0, ?, 0)",
                HASH.algorithmName(), new byte[0]);
    }

    @Test
    @DisplayName("Entries a stopped bus left in the journal only are in the tables after the next start, the tree whole")
    void journaledEntriesReachTheTablesAfterACrash() {
        Node crashed = node(Duration.ofHours(1)); // its applier never gets round to the tables
        for (int i = 0; i < 300; i++) {
            assertThat(crashed.log.record(entry(i))).containsExactly(i);
        }
        assertThat(rows()).isZero();

        Node restarted = node(Duration.ofMillis(10));
        try {
            assertThat(rows()).isEqualTo(300);
            assertThat(restarted.log.record(entry(300))).containsExactly(300);
            restarted.log.awaitReadable();
            assertTreeWhole(301);
        } finally {
            restarted.writer.stop();
        }
    }

    @Test
    @DisplayName("When the tables refuse rows, new entries are refused; none acknowledged is lost, and the log goes on once they take them")
    void tablesRefusingFailClosed() throws Exception {
        Node node = node(Duration.ofMillis(10));
        try {
            node.log.record(entry(0));
            node.log.awaitReadable();
            jdbc.execute("ALTER TABLE audit_entry RENAME TO audit_entry_away");
            long[] acknowledged = node.log.record(entry(1)); // journaled: durable, though the tables refuse it
            assertThat(acknowledged).containsExactly(1);
            assertThatThrownBy(node.log::awaitReadable).isInstanceOf(AuditUnavailableException.class);
            assertThatThrownBy(() -> node.log.record(entry(2))).isInstanceOf(AuditUnavailableException.class);

            jdbc.execute("ALTER TABLE audit_entry_away RENAME TO audit_entry");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long[] next = null;
            while (next == null && System.nanoTime() < deadline) {
                try {
                    next = node.log.record(entry(2));
                } catch (AuditUnavailableException stillRefused) {
                    Thread.sleep(50);
                }
            }
            assertThat(next).containsExactly(2);
            node.log.awaitReadable();
            assertTreeWhole(3);
        } finally {
            node.writer.stop();
        }
    }

    @Test
    @DisplayName("A clean stop brings everything into the tables and leaves an empty journal")
    void cleanStopEmptiesTheJournal() throws Exception {
        Node node = node(Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            node.log.record(entry(i));
        }
        node.writer.stop();
        assertThat(rows()).isEqualTo(50);
        try (var files = java.nio.file.Files.list(directory.resolve("journal"))) {
            assertThat(files.toList()).isEmpty();
        }
        assertTreeWhole(50);
    }

    @Test
    @DisplayName("Exchanges appending at once from many threads are each acknowledged once, at their own index, the tree whole")
    void concurrentAppendsEachGetTheirPlace() throws Exception {
        appendConcurrently(node(Duration.ofMillis(10)));
    }

    @Test
    @DisplayName("With one exchange per journal write, a writer hands the turn on after a few writes, and nobody is left waiting")
    void theTurnPassesOnUnderContention() throws Exception {
        appendConcurrently(node(Duration.ofMillis(10), 1));
    }

    private void appendConcurrently(Node node) throws Exception {
        int threads = 32;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                appenders.add(pool.submit(() -> {
                    long[] indexes = new long[each];
                    for (int i = 0; i < each; i++) {
                        indexes[i] = node.log.record(entry(first + i))[0];
                    }
                    return indexes;
                }));
            }
            TreeSet<Long> acknowledged = new TreeSet<>();
            for (var appender : appenders) {
                for (long index : appender.get(60, TimeUnit.SECONDS)) {
                    assertThat(acknowledged.add(index)).as("index %d acknowledged twice", index).isTrue();
                }
            }
            assertThat(acknowledged).hasSize(threads * each);
            assertThat(acknowledged).first().isEqualTo(0L);
            assertThat(acknowledged).last().isEqualTo((long) threads * each - 1);
            node.log.awaitReadable();
            assertTreeWhole(threads * each);
        } finally {
            pool.shutdownNow();
            node.writer.stop();
        }
    }

    @Test
    @DisplayName("A reader of the tree's first entries waits for those only; a reader of the whole log for everything acknowledged")
    void readersWaitForWhatTheyRead() {
        Node node = node(Duration.ofHours(1)); // the applier moves only when a reader asks
        try {
            for (int i = 0; i < 20; i++) {
                node.log.record(entry(i));
            }
            node.log.awaitReadable(0);
            assertThat(rows()).isZero();
            node.log.awaitReadable(5);
            assertThat(rows()).isGreaterThanOrEqualTo(5);
            node.log.record(entry(20));
            node.log.awaitReadable();
            assertThat(rows()).isEqualTo(21);
        } finally {
            node.writer.stop();
        }
    }

    private record Node(ExchangeLogWriter writer, ExchangeLog log) {
    }

    private Node node(Duration applyInterval) {
        return node(applyInterval, 500);
    }

    /** @param maxBatch entries per journal write at most */
    private Node node(Duration applyInterval, int maxBatch) {
        // one connection, as the bus gives its writer: the writer and the applier share it
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0", "sa", "", true);
        JdbcTemplate writerJdbc = new JdbcTemplate(connection);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
        JournalApplier applier = new JournalApplier(new ExchangeLogJournal(directory.resolve("journal")), writerJdbc,
                transactions, HASH, applyInterval, 500, Duration.ofSeconds(2));
        ExchangeLogWriter writer = new ExchangeLogWriter(writerJdbc, transactions, HASH, maxBatch, applier,
                Duration.ofSeconds(2));
        writer.start();
        return new Node(writer, new ExchangeLog(writer, Duration.ofSeconds(2), true));
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
    }

    /** Every row at its index, its stored hashes those of the tree, and the head's edge the tree's. */
    private void assertTreeWhole(long size) {
        CompactRange tree = new CompactRange(HASH);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT idx, entry_json, hashes FROM audit_entry ORDER BY idx");
        assertThat(rows).hasSize((int) size);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("IDX")).isEqualTo(tree.size());
            byte[] leaf = HASH.leaf((byte[]) row.get("ENTRY_JSON"));
            assertThat((byte[]) row.get("HASHES")).isEqualTo(StoredHashes.of(leaf, tree.append(leaf)));
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT tree_size, peaks FROM audit_head WHERE id = 1");
        assertThat(head.get("TREE_SIZE")).isEqualTo(size);
        assertThat(Arrays.equals((byte[]) head.get("PEAKS"), Peaks.join(tree.peaks()))).isTrue();
    }

    private static ExchangeEntry entry(int i) {
        return new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), "correlation-" + i, "GET /test", "OK");
    }
}

package io.tongban.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import io.tongban.security.transparency.CheckpointSigner;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.VerificationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second bus node on the same database: its own writer and its own checkpoint publisher, beside this node's,
 * appending and signing at the same time. Together they grow one tree that verifies, with no index given twice.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SeveralNodesScenarios extends SandboxedBusTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MerkleHash auditHash;
    @Autowired
    ExchangeLog thisNode;
    @Autowired
    AuditRepository repository;
    @Autowired
    CheckpointSigner signer;
    @Autowired
    AuditProperties properties;
    @Autowired
    LogVerification verification;

    @Test
    @DisplayName("Two nodes append 2,000 entries each at once and sign checkpoints at once: one tree, every index once, verified")
    void twoNodesGrowOneTree() throws Exception {
        ExchangeLogWriter otherWriter = new ExchangeLogWriter(jdbc, transactions, auditHash, 50, null, java.time.Duration.ofSeconds(10));
        otherWriter.start();
        ExchangeLog otherNode = new ExchangeLog(otherWriter, java.time.Duration.ofSeconds(10), true);
        CheckpointPublisher otherPublisher = new CheckpointPublisher(repository, jdbc, transactions, signer, auditHash,
                properties, otherNode);
        Set<Long> indexes = ConcurrentHashMap.newKeySet();
        ExecutorService producers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                ExchangeLog node = p % 2 == 0 ? thisNode : otherNode;
                String name = "node-" + (p % 2) + "-producer-" + p;
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 500; i++) {
                        for (long index : node.record(new ExchangeEntry(ExchangeEntry.Kind.API, Instant.now(), name,
                                "GET /test", "OK"))) {
                            assertThat(indexes.add(index)).as("index %d given twice", index).isTrue();
                        }
                        if (i % 100 == 0) {
                            otherPublisher.publish(); // races this node's scheduled publisher
                        }
                    }
                }, producers));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            producers.shutdown();
            otherWriter.stop();
        }
        otherPublisher.publish();

        assertThat(indexes).hasSize(4_000);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        assertThat(jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class)).isEqualTo(rows);
        VerificationResult result = verification.verify();
        assertThat(result.valid()).as(result.toString()).isTrue();
        assertThat(result.treeSize()).isEqualTo(rows);
    }
}

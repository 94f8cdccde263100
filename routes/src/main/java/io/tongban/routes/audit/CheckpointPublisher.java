package io.tongban.routes.audit;

import io.tongban.security.transparency.Checkpoint;
import io.tongban.security.transparency.CheckpointSigner;
import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import io.tongban.security.transparency.SignedCheckpoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the tree every {@code bus.audit.checkpoint-interval} while entries arrive, timestamped at
 * least every {@code bus.audit.timestamp-interval}. A checkpoint is signed only once the new tree is proven
 * consistent with the last signed one, and lands only if no other node advanced the head meanwhile
 * (compare-and-set), so that every node's checkpoints describe one tree.
 */
@Component
class CheckpointPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final AuditRepository repository;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CheckpointSigner signer;
    private final MerkleHash hash;
    private final AuditProperties properties;
    private final ExchangeLog log;
    private final Clock clock = Clock.systemUTC();

    CheckpointPublisher(AuditRepository repository, JdbcTemplate jdbc, TransactionTemplate transactions,
                        CheckpointSigner signer, MerkleHash auditHash, AuditProperties properties, ExchangeLog log) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signer = signer;
        this.hash = auditHash;
        this.properties = properties;
        this.log = log;
    }

    @Scheduled(fixedRateString = "${bus.audit.checkpoint-interval}")
    void publishIfGrown() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.error("Could not sign an exchange-log checkpoint; trying again next round", e);
        }
    }

    /** @return the checkpoint this node signed, if the tree had grown and no other node was quicker */
    Optional<SignedCheckpoint> publish() {
        log.awaitReadable(); // a checkpoint covers every entry acknowledged before it, journaled ones included
        AuditRepository.Head head = repository.head();
        if (head.size() == head.checkpointSize()) {
            return Optional.empty();
        }
        byte[] root = CompactRange.of(hash, head.size(), Peaks.split(head.peaks(), hash.hashLength())).root();
        if (!consistentWithLast(head, root)) {
            LOG.error("The exchange log's tree of size {} is NOT consistent with its checkpoint of size {}: not signed."
                    + " Run GET /api/v1/audit/verification", head.size(), head.checkpointSize());
            return Optional.empty();
        }
        Instant now = clock.instant();
        SignedCheckpoint signed = sign(new Checkpoint(properties.origin(), head.size(), root, hash, now), dueForTimestamp(now));
        Boolean landed = transactions.execute(status -> {
            int moved = jdbc.update("UPDATE audit_head SET checkpoint_size = ? WHERE id = 1 AND checkpoint_size = ?",
                    head.size(), head.checkpointSize());
            if (moved == 1) {
                jdbc.update("INSERT INTO audit_checkpoint (tree_size, root_hash, signed_text, signature, timestamp_token,"
                        + " signed_at) VALUES (?, ?, ?, ?, ?, ?)", head.size(), root, signed.checkpoint().signedText(),
                        signed.signature(), signed.timestampToken(), Timestamp.from(now));
            }
            return moved == 1;
        });
        return Boolean.TRUE.equals(landed) ? Optional.of(signed) : Optional.empty();
    }

    private boolean consistentWithLast(AuditRepository.Head head, byte[] root) {
        if (head.checkpointSize() == 0) {
            return true;
        }
        Checkpoint last = repository.checkpoint(head.checkpointSize()).orElseThrow(() -> new IllegalStateException(
                "the head names checkpoint " + head.checkpointSize() + " but there is none")).checkpoint();
        List<byte[]> proof = MerkleProofs.consistency(hash, last.size(), head.size(),
                repository.nodes(hash, MerkleProofs.consistencyNodes(last.size(), head.size())));
        return MerkleProofs.verifyConsistency(hash, last.size(), head.size(), proof, last.rootHash(), root);
    }

    private boolean dueForTimestamp(Instant now) {
        return repository.lastTimestamped().map(at -> !at.plus(properties.timestampInterval()).isAfter(now)).orElse(true);
    }

    /** A timestamp authority that cannot answer delays the timestamp to a later checkpoint, not the signature. */
    private SignedCheckpoint sign(Checkpoint checkpoint, boolean timestamp) {
        if (timestamp) {
            try {
                return signer.signAndTimestamp(checkpoint);
            } catch (RuntimeException e) {
                LOG.warn("Could not timestamp exchange-log checkpoint {}: signed without, timestamped later", checkpoint.size(), e);
            }
        }
        return signer.sign(checkpoint);
    }
}

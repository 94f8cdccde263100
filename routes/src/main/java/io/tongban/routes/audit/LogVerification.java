package io.tongban.routes.audit;

import io.tongban.security.transparency.CheckpointVerifier;
import io.tongban.security.transparency.LogVerifier;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.VerificationResult;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole log as the database holds it, trusting nothing there but the checkpoint signatures (see
 * {@link LogVerifier}), and finds rows that lie outside the tree: written past its head, behind the writer's back.
 */
@Component
class LogVerification {

    private final AuditRepository repository;
    private final MerkleHash hash;
    private final CheckpointVerifier checkpoints;
    private final String origin;

    LogVerification(AuditRepository repository, MerkleHash auditHash, CheckpointVerifier checkpoints,
                    AuditProperties properties) {
        this.repository = repository;
        this.hash = auditHash;
        this.checkpoints = checkpoints;
        this.origin = properties.origin();
    }

    VerificationResult verify() {
        LogVerifier verifier = new LogVerifier(hash, origin, checkpoints);
        repository.checkpointsToVerify().forEach(c -> verifier.checkpoint(c.signed()));
        long size = repository.head().size(); // read after the checkpoints: none of them is larger
        repository.streamInOrder(size, entry -> LogVerifier.prepare(hash, entry.index(), entry.text(), entry.hashes()),
                row -> {
                    if (!verifier.decided()) {
                        verifier.entry(row);
                    }
                });
        VerificationResult result = verifier.finish();
        return result.valid() ? outsideTheTree(result) : result;
    }

    /** A row at or past the head (read now, after the writer's latest commit) or below zero was never appended. */
    private VerificationResult outsideTheTree(VerificationResult result) {
        return repository.firstRowOutside().map(stray -> new VerificationResult(false, result.entriesVerified(),
                        result.checkpointsVerified(), result.treeSize(), stray.index(), VerificationResult.Problem.INSERTED,
                        "row " + stray.index() + " lies outside the tree of size " + stray.treeSize()
                                + ": it was not appended by the log", result.uncheckpointed(), stray.index(), null))
                .orElse(result);
    }
}

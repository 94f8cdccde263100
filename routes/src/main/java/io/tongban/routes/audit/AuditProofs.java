package io.tongban.routes.audit;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import io.tongban.security.transparency.NodeId;
import io.tongban.security.transparency.NodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** RFC 9162 proofs of the log, served from the stored nodes for any tree size the log has reached. */
@Component
class AuditProofs {

    private final AuditRepository repository;
    private final MerkleHash hash;

    AuditProofs(AuditRepository repository, MerkleHash auditHash) {
        this.repository = repository;
        this.hash = auditHash;
    }

    /** @param size the tree size to prove against; null for the latest checkpoint's */
    AuditViews.InclusionProofView inclusion(long index, Long size) {
        long treeSize = size != null ? size : latestCheckpointSize();
        requireWithinTree(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "index must lie in [0, " + treeSize + ")");
        }
        NodeSource nodes = inclusionNodes(index, treeSize);
        List<byte[]> proof = MerkleProofs.inclusion(hash, index, treeSize, nodes);
        return new AuditViews.InclusionProofView(index, treeSize, AuditViews.b64(nodes.node(0, index)),
                AuditViews.b64(MerkleProofs.root(hash, treeSize, nodes)), hash.algorithmName(), AuditViews.b64(proof));
    }

    AuditViews.ConsistencyProofView consistency(long from, long to) {
        requireWithinTree(to);
        if (from < 1 || from > to) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "from must lie in [1, to]");
        }
        List<NodeId> needed = new ArrayList<>(MerkleProofs.consistencyNodes(from, to));
        needed.addAll(MerkleProofs.rootNodes(from));
        needed.addAll(MerkleProofs.rootNodes(to));
        NodeSource nodes = repository.nodes(hash, needed);
        return new AuditViews.ConsistencyProofView(from, to, AuditViews.b64(MerkleProofs.root(hash, from, nodes)),
                AuditViews.b64(MerkleProofs.root(hash, to, nodes)), hash.algorithmName(),
                AuditViews.b64(MerkleProofs.consistency(hash, from, to, nodes)));
    }

    /** The leaf hash of an entry and its inclusion proof in a tree of {@code size}. */
    List<byte[]> inclusionProof(long index, long size) {
        return MerkleProofs.inclusion(hash, index, size, repository.nodes(hash, MerkleProofs.inclusionNodes(index, size)));
    }

    long latestCheckpointSize() {
        long size = repository.head().checkpointSize();
        if (size == 0) {
            throw new ApiProblem(ErrorCode.NO_CHECKPOINT, "The exchange log has no signed checkpoint yet");
        }
        return size;
    }

    byte[] leafHash(StoredEntry entry) {
        return Arrays.copyOf(entry.hashes(), hash.hashLength());
    }

    private void requireWithinTree(long size) {
        long treeSize = repository.head().size();
        if (size < 1 || size > treeSize) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "size must lie in [1, " + treeSize + "], the tree's size");
        }
    }

    /** The nodes of an inclusion proof, of the root it leads to, and the leaf itself, read at once. */
    private NodeSource inclusionNodes(long index, long size) {
        List<NodeId> needed = new ArrayList<>(MerkleProofs.inclusionNodes(index, size));
        needed.addAll(MerkleProofs.rootNodes(size));
        needed.add(new NodeId(0, index));
        return repository.nodes(hash, needed);
    }
}

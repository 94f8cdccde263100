package io.tongban.security.transparency;

import java.util.List;

/**
 * Hashes of complete subtrees: {@code node(level, index)} covers the leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}; level 0 is the leaf hash. The database serves them
 * from the entry rows ({@link StoredHashes#nodeSource}); proofs only ever ask for complete subtrees.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);

    /**
     * Computes nodes on the fly from all leaf hashes (tests, small trees); refuses a node that is not a
     * complete subtree of these leaves, so a caller that asks for one is caught.
     */
    static NodeSource ofLeaves(MerkleHash hash, List<byte[]> leafHashes) {
        List<byte[]> leaves = List.copyOf(leafHashes);
        return new NodeSource() {
            @Override
            public byte[] node(int level, long index) {
                NodeId node = new NodeId(level, index);
                if (node.lastLeaf() >= leaves.size()) {
                    throw new IllegalArgumentException("node(" + level + ", " + index + ") is not a complete subtree"
                            + " of a tree of " + leaves.size() + " leaves");
                }
                return level == 0 ? leaves.get((int) index).clone()
                        : hash.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            }
        };
    }
}

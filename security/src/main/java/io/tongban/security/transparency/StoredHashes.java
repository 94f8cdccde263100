package io.tongban.security.transparency;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The "hashes" of an entry row: the entry's leaf hash followed by the hashes of the subtrees that leaf
 * completes (what {@link CompactRange#append} returns), concatenated. The leaf at index i completes one
 * subtree per trailing one bit of i, so its row holds {@code 1 + trailingOnes(i)} hashes, two on
 * average, and {@code node(l, k)} is found in the row of leaf {@code (k + 1) * 2^l - 1} at byte
 * offset {@code l * hashLength}. Every complete subtree is stored exactly once, and a proof reads one
 * row per node.
 */
public final class StoredHashes {
    private StoredHashes() {
    }

    /** The row value for a leaf appended to the tree: its hash, then the subtrees it completed, level 1 up. */
    public static byte[] of(byte[] leafHash, List<byte[]> completedSubtrees) {
        byte[] stored = new byte[leafHash.length * (1 + completedSubtrees.size())];
        System.arraycopy(leafHash, 0, stored, 0, leafHash.length);
        int offset = leafHash.length;
        for (byte[] subtree : completedSubtrees) {
            if (subtree.length != leafHash.length) {
                throw new IllegalArgumentException("subtree hash of " + subtree.length + " bytes beside a leaf hash of "
                        + leafHash.length);
            }
            System.arraycopy(subtree, 0, stored, offset, subtree.length);
            offset += subtree.length;
        }
        return stored;
    }

    /** How many hashes the row of leaf {@code leafIndex} holds. */
    public static int count(long leafIndex) {
        return 1 + Long.numberOfTrailingZeros(~leafIndex);
    }

    /** The row (leaf index) that holds {@code node(level, index)}. */
    public static long rowOf(int level, long index) {
        return new NodeId(level, index).lastLeaf();
    }

    /** The hash of the subtree at {@code level} in a row's stored hashes (level 0: the leaf hash). */
    public static byte[] node(byte[] stored, int level, int hashLength) {
        int offset = level * hashLength;
        if (level < 0 || offset + hashLength > stored.length) {
            throw new IllegalArgumentException("a row of " + stored.length / hashLength + " hashes has no level "
                    + level);
        }
        byte[] hash = new byte[hashLength];
        System.arraycopy(stored, offset, hash, 0, hashLength);
        return hash;
    }

    /** Nodes read from entry rows: {@code rowHashes} answers the stored hashes of a row (leaf index). */
    public static NodeSource nodeSource(LongFunction<byte[]> rowHashes, int hashLength) {
        return (level, index) -> node(rowHashes.apply(rowOf(level, index)), level, hashLength);
    }
}

package io.tongban.security.transparency;

/**
 * A complete subtree of the log's tree: at {@code level} l with {@code index} k it covers the leaves
 * {@code [k * 2^l, (k + 1) * 2^l)}; level 0 is a leaf. Proof generation names the nodes it needs as
 * NodeIds first, so that a database can fetch them all in one query.
 */
public record NodeId(int level, long index) {
    /** Trees of up to 2^62 leaves: enough for any log, and shifts stay within a long. */
    public static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("node level must be 0.." + MAX_LEVEL + ": " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("node index out of range at level " + level + ": " + index);
        }
    }

    /** The first leaf the subtree covers. */
    public long firstLeaf() {
        return index << level;
    }

    /**
     * The last leaf the subtree covers: appending it completed the subtree, so its entry row stores
     * the subtree's hash (see {@link StoredHashes}).
     */
    public long lastLeaf() {
        return ((index + 1) << level) - 1;
    }
}

package io.tongban.security.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree: the roots of its complete subtrees ("peaks"), largest first, one for each
 * bit set in its size. That is all an appender needs to keep to compute the next root, and all a
 * verifier needs to keep to stream through millions of entries in constant memory. Not thread-safe.
 */
public final class CompactRange {
    private final MerkleHash hash;
    private final List<byte[]> peaks;
    private long size;

    /** The empty tree. */
    public CompactRange(MerkleHash hash) {
        this(hash, 0, new ArrayList<>());
    }

    private CompactRange(MerkleHash hash, long size, List<byte[]> peaks) {
        this.hash = hash;
        this.size = size;
        this.peaks = peaks;
    }

    /** A tree of {@code size} leaves from its peaks, largest first (as {@link #peaks} returns them). */
    public static CompactRange of(MerkleHash hash, long size, List<byte[]> peaks) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " peaks, not " + peaks.size());
        }
        List<byte[]> copies = new ArrayList<>(peaks.size());
        for (byte[] peak : peaks) {
            copies.add(hash.requireHash(peak, "peak").clone());
        }
        return new CompactRange(hash, size, copies);
    }

    public MerkleHash hash() {
        return hash;
    }

    public long size() {
        return size;
    }

    /** The roots of the complete subtrees, largest (leftmost) first. */
    public List<byte[]> peaks() {
        return peaks.stream().map(byte[]::clone).toList();
    }

    /**
     * Appends a leaf hash. Returns the hashes of the subtrees this leaf completes, level 1 upwards
     * (element i is at level i + 1): what the leaf's entry row stores beside it ({@link StoredHashes}).
     */
    public List<byte[]> append(byte[] leafHash) {
        byte[] node = hash.requireHash(leafHash, "leaf hash").clone();
        List<byte[]> completed = new ArrayList<>(2);
        // each trailing one of the old size is a peak of the new leaf's height: merge them, lowest first
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            node = hash.node(peaks.remove(peaks.size() - 1), node);
            completed.add(node.clone());
        }
        peaks.add(node);
        size++;
        return completed;
    }

    /** The root (RFC 9162 MTH) of the tree: the peaks folded right to left; H("") when empty. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return hash.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = hash.node(peaks.get(i), root);
        }
        return root.clone();
    }

    public CompactRange copy() {
        return new CompactRange(hash, size, new ArrayList<>(peaks));
    }
}

package io.tongban.security.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusion and consistency proofs of RFC 9162 (2.1.3, 2.1.4): generated from the hashes of complete
 * subtrees only, and verified by the RFC's algorithms.
 *
 * <p>A tree of size n is the sequence of its peaks, one complete subtree per bit of n, largest first.
 * The path of a complete subtree up to the root is: its siblings inside its peak, bottom up; then the
 * subtree formed by all peaks to its right, if any (the one proof element that is not a complete
 * subtree: folded from those peaks, right to left); then the peaks to its left, nearest first. An
 * inclusion proof is the path of a leaf; a consistency proof from m to n is the path, in the tree of
 * n, of the last peak of the tree of m, preceded by that peak unless m is a power of two (the verifier
 * then knows it: it is the old root). Each needs at most about 2 log2(n) nodes, and no fewer: the
 * database serves them from the entry rows, so the fewer, the faster.
 *
 * <p>Generation refuses impossible arguments with {@link IllegalArgumentException}; verification
 * judges claims from outside and so answers false, never throws, for any that do not verify.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, leaf level first (RFC 9162 2.1.3.1). */
    public static List<byte[]> inclusion(MerkleHash h, long index, long size, NodeSource nodes) {
        return fetch(h, inclusionPlan(index, size), nodes);
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} (RFC 9162 2.1.4.1). */
    public static List<byte[]> consistency(MerkleHash h, long from, long to, NodeSource nodes) {
        return fetch(h, consistencyPlan(from, to), nodes);
    }

    /** The root (MTH) of the tree of {@code size} leaves; H("") for the empty tree. */
    public static byte[] root(MerkleHash h, long size, NodeSource nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        return size == 0 ? h.emptyRoot() : fold(h, peaks(0, size), nodes);
    }

    /** The complete subtrees {@link #inclusion} reads, to fetch them in one query beforehand. */
    public static List<NodeId> inclusionNodes(long index, long size) {
        return flatten(inclusionPlan(index, size));
    }

    /** The complete subtrees {@link #consistency} reads. */
    public static List<NodeId> consistencyNodes(long from, long to) {
        return flatten(consistencyPlan(from, to));
    }

    /** The complete subtrees {@link #root} reads: the peaks. */
    public static List<NodeId> rootNodes(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        return peaks(0, size);
    }

    /** RFC 9162 2.1.3.2: does {@code proof} lead from the leaf hash at {@code index} to {@code root} of a tree of {@code size}? */
    public static boolean verifyInclusion(MerkleHash h, long index, long size, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (index < 0 || index >= size || !h.isHash(leafHash) || !h.isHash(root) || !allHashes(h, proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = h.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = h.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: does {@code proof} show that {@code fromRoot} (of {@code from} leaves) and
     * {@code toRoot} (of {@code to}) are roots of the same log? From the empty tree (whose root is
     * H("")) every tree is consistent, with an empty proof.
     */
    public static boolean verifyConsistency(MerkleHash h, long from, long to, List<byte[]> proof, byte[] fromRoot,
                                            byte[] toRoot) {
        if (from < 0 || from > to || !h.isHash(fromRoot) || !h.isHash(toRoot) || !allHashes(h, proof)) {
            return false;
        }
        if (from == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, h.emptyRoot());
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(from) == 1) {
            path.add(fromRoot);
        }
        path.addAll(proof);
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = h.node(c, fr);
                sr = h.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = h.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    /** Proof elements in order, each the complete subtrees it is folded from (one, except right of the path). */
    private static List<List<NodeId>> inclusionPlan(long index, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("an inclusion proof needs a tree of at least one leaf, not " + size);
        }
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size + " leaves");
        }
        return pathPlan(new NodeId(0, index), size);
    }

    private static List<List<NodeId>> consistencyPlan(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= from <= to, not from " + from
                    + " to " + to);
        }
        if (from == 0 || from == to) {
            return List.of(); // RFC 9162 2.1.4: nothing to prove
        }
        int level = Long.numberOfTrailingZeros(from);
        NodeId lastPeak = new NodeId(level, (from >>> level) - 1);
        List<List<NodeId>> plan = new ArrayList<>();
        if (Long.bitCount(from) != 1) {
            plan.add(List.of(lastPeak));
        }
        plan.addAll(pathPlan(lastPeak, to));
        return plan;
    }

    /** The path of a complete subtree of the tree of {@code size} leaves up to its root (see the class comment). */
    private static List<List<NodeId>> pathPlan(NodeId node, long size) {
        long first = node.firstLeaf();
        List<List<NodeId>> plan = new ArrayList<>();
        List<NodeId> leftPeaks = new ArrayList<>();
        long start = 0;
        for (int peak = 63 - Long.numberOfLeadingZeros(size); peak >= 0; peak--) {
            if ((size >>> peak & 1) == 0) {
                continue;
            }
            long end = start + (1L << peak);
            if (first >= end) {
                leftPeaks.add(new NodeId(peak, start >>> peak));
                start = end;
                continue;
            }
            for (int level = node.level(); level < peak; level++) {
                plan.add(List.of(new NodeId(level, (first >>> level) ^ 1)));
            }
            if (end < size) {
                plan.add(peaks(end, size - end));
            }
            for (int i = leftPeaks.size() - 1; i >= 0; i--) {
                plan.add(List.of(leftPeaks.get(i)));
            }
            return plan;
        }
        throw new IllegalArgumentException("node " + node + " is not in a tree of " + size + " leaves");
    }

    /**
     * The complete subtrees of the leaves {@code [from, from + count)}, largest first; {@code from} is
     * a multiple of the largest, as at the start of a tree or after one of its peaks.
     */
    private static List<NodeId> peaks(long from, long count) {
        List<NodeId> peaks = new ArrayList<>(Long.bitCount(count));
        long start = from;
        for (int level = 63 - Long.numberOfLeadingZeros(count); level >= 0; level--) {
            if ((count >>> level & 1) == 1) {
                peaks.add(new NodeId(level, start >>> level));
                start += 1L << level;
            }
        }
        return peaks;
    }

    private static List<byte[]> fetch(MerkleHash h, List<List<NodeId>> plan, NodeSource nodes) {
        List<byte[]> proof = new ArrayList<>(plan.size());
        for (List<NodeId> element : plan) {
            proof.add(fold(h, element, nodes));
        }
        return proof;
    }

    /** The root of the subtree made of complete subtrees side by side: folded right to left. */
    private static byte[] fold(MerkleHash h, List<NodeId> subtrees, NodeSource nodes) {
        byte[] root = read(h, subtrees.get(subtrees.size() - 1), nodes);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = h.node(read(h, subtrees.get(i), nodes), root);
        }
        return root;
    }

    private static byte[] read(MerkleHash h, NodeId node, NodeSource nodes) {
        byte[] hash = nodes.node(node.level(), node.index());
        if (!h.isHash(hash)) {
            throw new IllegalStateException("the node source answered node(" + node.level() + ", " + node.index()
                    + ") with " + (hash == null ? "nothing" : hash.length + " bytes") + ", not a "
                    + h.algorithmName() + " hash");
        }
        return hash;
    }

    private static List<NodeId> flatten(List<List<NodeId>> plan) {
        return plan.stream().flatMap(List::stream).toList();
    }

    private static boolean allHashes(MerkleHash h, List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(h::isHash);
    }
}

package io.tongban.security.transparency;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every proof of trees up to 40 leaves, mutated in every way the transparency-log libraries test
 * (and a few more), must fail to verify: a proof for one claim never passes for another.
 */
class MerkleProofMutationTest {
    private static final MerkleHash H = MerkleHash.SHA_256;
    private static final int MAX_SIZE = 40;
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static final List<byte[]> ROOTS = new ArrayList<>(); // ROOTS.get(n): root of the first n leaves

    static {
        CompactRange range = new CompactRange(H);
        ROOTS.add(range.root());
        for (int i = 0; i < 2 * MAX_SIZE + 2; i++) {
            byte[] leaf = H.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            LEAVES.add(leaf);
            range.append(leaf);
            ROOTS.add(range.root());
        }
    }

    @Test
    @DisplayName("mutated inclusion proofs fail: index off by one, other sizes, flipped bits, cut, padded, other roots")
    void mutatedInclusionProofsFail() {
        NodeSource nodes = NodeSource.ofLeaves(H, LEAVES);
        int probes = 0;
        for (long size = 1; size <= MAX_SIZE; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = MerkleProofs.inclusion(H, index, size, nodes);
                byte[] leaf = LEAVES.get((int) index);
                byte[] root = ROOTS.get((int) size);
                assertThat(MerkleProofs.verifyInclusion(H, index, size, leaf, proof, root)).isTrue();

                Map<String, Boolean> mutants = new LinkedHashMap<>();
                mutants.put("index - 1", MerkleProofs.verifyInclusion(H, index - 1, size, leaf, proof, root));
                mutants.put("index + 1", MerkleProofs.verifyInclusion(H, index + 1, size, leaf, proof, root));
                for (long otherSize : new long[]{size * 2, size / 2, size - 1, size + 1}) {
                    mutants.put("size " + otherSize + " with its root", MerkleProofs.verifyInclusion(H, index, otherSize,
                            leaf, proof, ROOTS.get((int) otherSize)));
                }
                mutants.put("size doubled, same root", MerkleProofs.verifyInclusion(H, index, size * 2, leaf, proof, root));
                mutants.put("size halved, same root", MerkleProofs.verifyInclusion(H, index, size / 2, leaf, proof, root));
                mutants.put("other leaf", MerkleProofs.verifyInclusion(H, index, size, LEAVES.get((int) size), proof, root));
                mutants.put("wrong root", MerkleProofs.verifyInclusion(H, index, size, leaf, proof, ROOTS.get((int) size + 1)));
                mutants.put("empty-tree root", MerkleProofs.verifyInclusion(H, index, size, leaf, proof, H.emptyRoot()));
                mutants.put("one hash too many", MerkleProofs.verifyInclusion(H, index, size, leaf, with(proof, root), root));
                mutants.put("a root in front", MerkleProofs.verifyInclusion(H, index, size, leaf, before(proof, root), root));
                mutants.put("an empty element", MerkleProofs.verifyInclusion(H, index, size, leaf, with(proof, new byte[0]), root));
                if (!proof.isEmpty()) {
                    mutants.put("truncated", MerkleProofs.verifyInclusion(H, index, size, leaf,
                            proof.subList(0, proof.size() - 1), root));
                    mutants.put("first element dropped", MerkleProofs.verifyInclusion(H, index, size, leaf,
                            proof.subList(1, proof.size()), root));
                }
                for (int element = 0; element < proof.size(); element++) {
                    for (int bit = 0; bit < 8 * H.hashLength(); bit++) {
                        if (MerkleProofs.verifyInclusion(H, index, size, leaf, flipped(proof, element, bit), root)) {
                            mutants.put("bit " + bit + " of element " + element + " flipped", true);
                        }
                    }
                }
                assertThat(mutants).as("leaf %d of %d", index, size).doesNotContainValue(true);
                probes += mutants.size();
            }
        }
        assertThat(probes).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("mutated consistency proofs fail: sizes off by one, doubled, halved, swapped, flipped bits, cut, padded, other roots")
    void mutatedConsistencyProofsFail() {
        NodeSource nodes = NodeSource.ofLeaves(H, LEAVES);
        for (long to = 2; to <= MAX_SIZE; to++) {
            for (long from = 1; from < to; from++) {
                List<byte[]> proof = MerkleProofs.consistency(H, from, to, nodes);
                byte[] fromRoot = ROOTS.get((int) from);
                byte[] toRoot = ROOTS.get((int) to);
                assertThat(MerkleProofs.verifyConsistency(H, from, to, proof, fromRoot, toRoot)).isTrue();

                Map<String, Boolean> mutants = new LinkedHashMap<>();
                for (long[] sizes : new long[][]{{from - 1, to}, {from + 1, to}, {from, to - 1}, {from, to + 1},
                        {from, to * 2}, {from / 2, to}, {from * 2, to * 2}}) {
                    if (sizes[0] != sizes[1] && sizes[0] > 0) {
                        mutants.put("sizes " + sizes[0] + ", " + sizes[1] + " with their roots",
                                MerkleProofs.verifyConsistency(H, sizes[0], sizes[1], proof,
                                        ROOTS.get((int) sizes[0]), ROOTS.get((int) sizes[1])));
                    }
                }
                mutants.put("to doubled, same roots", MerkleProofs.verifyConsistency(H, from, to * 2, proof, fromRoot, toRoot));
                mutants.put("to halved, same roots", MerkleProofs.verifyConsistency(H, from, to / 2, proof, fromRoot, toRoot));
                mutants.put("from and to swapped", MerkleProofs.verifyConsistency(H, to, from, proof, toRoot, fromRoot));
                mutants.put("roots swapped", MerkleProofs.verifyConsistency(H, from, to, proof, toRoot, fromRoot));
                mutants.put("wrong old root", MerkleProofs.verifyConsistency(H, from, to, proof, ROOTS.get((int) from + 1), toRoot));
                mutants.put("wrong new root", MerkleProofs.verifyConsistency(H, from, to, proof, fromRoot, ROOTS.get((int) to + 1)));
                mutants.put("empty proof", MerkleProofs.verifyConsistency(H, from, to, List.of(), fromRoot, toRoot));
                mutants.put("truncated", MerkleProofs.verifyConsistency(H, from, to, proof.subList(0, proof.size() - 1),
                        fromRoot, toRoot));
                mutants.put("one hash too many", MerkleProofs.verifyConsistency(H, from, to, with(proof, toRoot), fromRoot, toRoot));
                mutants.put("old root in front", MerkleProofs.verifyConsistency(H, from, to, before(proof, fromRoot), fromRoot, toRoot));
                mutants.put("first element twice", MerkleProofs.verifyConsistency(H, from, to, before(proof, proof.get(0)),
                        fromRoot, toRoot));
                for (int element = 0; element < proof.size(); element++) {
                    for (int bit = 0; bit < 8 * H.hashLength(); bit++) {
                        if (MerkleProofs.verifyConsistency(H, from, to, flipped(proof, element, bit), fromRoot, toRoot)) {
                            mutants.put("bit " + bit + " of element " + element + " flipped", true);
                        }
                    }
                }
                assertThat(mutants).as("from %d to %d", from, to).doesNotContainValue(true);
            }
        }
    }

    @Test
    @DisplayName("trivial consistency holds only as the RFC says: from the empty tree, and a tree with itself")
    void trivialConsistency() {
        byte[] root = ROOTS.get(5);
        assertThat(MerkleProofs.verifyConsistency(H, 0, 5, List.of(), H.emptyRoot(), root)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(H, 0, 5, List.of(), root, root)).as("not the empty root").isFalse();
        assertThat(MerkleProofs.verifyConsistency(H, 5, 5, List.of(), root, root)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(H, 5, 5, List.of(), root, ROOTS.get(6))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(H, 5, 5, List.of(root), root, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(H, 0, 0, LEAVES.get(0), List.of(), H.emptyRoot())).isFalse();
        assertThat(MerkleProofs.verifyInclusion(H, 0, 1, LEAVES.get(0), List.of(), LEAVES.get(0))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(H, 0, 1, LEAVES.get(0), List.of(), new byte[0])).isFalse();
    }

    private static List<byte[]> flipped(List<byte[]> proof, int element, int bit) {
        List<byte[]> mutant = new ArrayList<>(proof);
        byte[] hash = proof.get(element).clone();
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
        mutant.set(element, hash);
        return mutant;
    }

    private static List<byte[]> with(List<byte[]> proof, byte[] extra) {
        List<byte[]> mutant = new ArrayList<>(proof);
        mutant.add(extra);
        return mutant;
    }

    private static List<byte[]> before(List<byte[]> proof, byte[] extra) {
        List<byte[]> mutant = new ArrayList<>();
        mutant.add(extra);
        mutant.addAll(proof);
        return mutant;
    }
}

package io.tongban.security.transparency;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "hashes" column: each complete subtree stored once, in the row of its last leaf, and proofs served from it. */
class StoredHashesTest {
    private static final MerkleHash H = MerkleHash.SHA_256;
    private static final int SIZE = 100;

    @Test
    @DisplayName("every complete subtree of 100 leaves is read from the row of its last leaf, at offset level x 32")
    void everySubtreeIsInTheRowOfItsLastLeaf() {
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> rows = rows(leaves);
        NodeSource computed = NodeSource.ofLeaves(H, leaves);
        NodeSource stored = StoredHashes.nodeSource(row -> rows.get((int) row), H.hashLength());

        int subtrees = 0;
        for (int level = 0; (1 << level) <= SIZE; level++) {
            for (long index = 0; (index + 1) << level <= SIZE; index++) {
                assertThat(stored.node(level, index)).as("node(%d, %d)", level, index)
                        .isEqualTo(computed.node(level, index));
                subtrees++;
            }
        }
        int storedHashes = rows.stream().mapToInt(row -> row.length / H.hashLength()).sum();
        assertThat(storedHashes).as("each complete subtree exactly once").isEqualTo(subtrees);
        for (int i = 0; i < SIZE; i++) {
            assertThat(rows.get(i)).hasSize(StoredHashes.count(i) * H.hashLength());
        }
        assertThat(StoredHashes.count(6)).isEqualTo(1);
        assertThat(StoredHashes.count(7)).as("leaf 7 completes the subtrees 6..7, 4..7 and 0..7").isEqualTo(4);
        assertThat(StoredHashes.rowOf(2, 1)).as("node(2, 1) covers leaves 4..7").isEqualTo(7);
    }

    @Test
    @DisplayName("proofs read from the stored rows verify against the root")
    void proofsFromStoredRowsVerify() {
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> rows = rows(leaves);
        NodeSource stored = StoredHashes.nodeSource(row -> rows.get((int) row), H.hashLength());
        byte[] root = MerkleProofs.root(H, SIZE, stored);

        for (long index = 0; index < SIZE; index++) {
            List<byte[]> proof = MerkleProofs.inclusion(H, index, SIZE, stored);
            assertThat(MerkleProofs.verifyInclusion(H, index, SIZE, leaves.get((int) index), proof, root)).isTrue();
        }
        for (long from = 1; from < SIZE; from += 7) {
            assertThat(MerkleProofs.verifyConsistency(H, from, SIZE, MerkleProofs.consistency(H, from, SIZE, stored),
                    MerkleProofs.root(H, from, stored), root)).isTrue();
        }
    }

    @Test
    @DisplayName("asking a row for a level it does not hold is refused")
    void missingLevelIsRefused() {
        byte[] row = StoredHashes.of(H.leaf(new byte[0]), List.of());

        assertThat(StoredHashes.node(row, 0, H.hashLength())).hasSize(32);
        assertThatThrownBy(() -> StoredHashes.node(row, 1, H.hashLength())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of 1 hashes has no level 1");
    }

    private static List<byte[]> rows(List<byte[]> leaves) {
        CompactRange range = new CompactRange(H);
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            byte[] leaf = H.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            rows.add(StoredHashes.of(leaf, range.append(leaf)));
        }
        return rows;
    }
}

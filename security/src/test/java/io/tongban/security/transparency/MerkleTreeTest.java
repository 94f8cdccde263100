package io.tongban.security.transparency;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree, its roots and proofs against the RFC 6962/9162 test data published with
 * transparency-dev/merkle (leaves, roots, inclusion and consistency proofs), and against the RFC's own
 * recursive definitions for every size up to 70.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final MerkleHash SHA = MerkleHash.SHA_256;
    private static final List<byte[]> INPUTS = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    /** Roots of the trees of the first 1..8 inputs. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final List<byte[]> LEAVES = INPUTS.stream().map(SHA::leaf).toList();

    @Test
    @DisplayName("the leaf hashes and the roots of the trees of 0 to 8 leaves are those of the published test data")
    void rootsMatchTestData() {
        assertThat(HEX.formatHex(LEAVES.get(1))).isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
        assertThat(HEX.formatHex(LEAVES.get(7))).isEqualTo("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");
        assertThat(HEX.formatHex(SHA.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CompactRange range = new CompactRange(SHA);
        for (int size = 1; size <= 8; size++) {
            range.append(LEAVES.get(size - 1));
            String expected = ROOTS.get(size - 1);
            assertThat(HEX.formatHex(range.root())).as("compact range of %d", size).isEqualTo(expected);
            assertThat(HEX.formatHex(MerkleProofs.root(SHA, size, NodeSource.ofLeaves(SHA, LEAVES.subList(0, size)))))
                    .as("root from nodes of %d", size).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "inclusion proof of leaf {0} in a tree of {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 1 | ''",
            "0 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "5 | 8 | bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2 | 3 | fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "1 | 5 | 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})
    void inclusionProofsMatchTestData(long index, long size, String expected) {
        List<byte[]> proof = MerkleProofs.inclusion(SHA, index, size, NodeSource.ofLeaves(SHA, LEAVES.subList(0, (int) size)));

        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(split(expected));
        assertThat(MerkleProofs.verifyInclusion(SHA, index, size, LEAVES.get((int) index), proof,
                HEX.parseHex(ROOTS.get((int) size - 1)))).isTrue();
    }

    @ParameterizedTest(name = "consistency proof from {0} to {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | 1 | ''",
            "1 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "6 | 8 | 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2 | 5 | 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "6 | 7 | 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void consistencyProofsMatchTestData(long from, long to, String expected) {
        List<byte[]> proof = MerkleProofs.consistency(SHA, from, to, NodeSource.ofLeaves(SHA, LEAVES.subList(0, (int) to)));

        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(split(expected));
        assertThat(MerkleProofs.verifyConsistency(SHA, from, to, proof, HEX.parseHex(ROOTS.get((int) from - 1)),
                HEX.parseHex(ROOTS.get((int) to - 1)))).isTrue();
    }

    @ParameterizedTest(name = "{0}: for every tree up to 70 leaves, roots and proofs are the RFC's and verify")
    @EnumSource(MerkleHash.class)
    void everyProofUpTo70Verifies(MerkleHash hash) {
        List<byte[]> leaves = new ArrayList<>();
        CompactRange range = new CompactRange(hash);
        for (int size = 1; size <= 70; size++) {
            byte[] leaf = hash.leaf(("entry " + size).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            range.append(leaf);
            CountingNodes nodes = new CountingNodes(NodeSource.ofLeaves(hash, leaves)); // refuses incomplete subtrees
            byte[] root = MerkleProofs.root(hash, size, nodes);
            assertThat(root).isEqualTo(Rfc9162.mth(hash, leaves, 0, size)).isEqualTo(range.root());
            for (int index = 0; index < size; index++) {
                nodes.reads = 0;
                List<byte[]> proof = MerkleProofs.inclusion(hash, index, size, nodes);
                assertThat(proof).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(Rfc9162.path(hash, index, leaves, 0, size));
                assertThat(MerkleProofs.verifyInclusion(hash, index, size, leaf(leaves, index), proof, root)).isTrue();
                assertThat(nodes.reads).isEqualTo(MerkleProofs.inclusionNodes(index, size).size())
                        .isLessThanOrEqualTo(2 * ceilLog2(size));
            }
            for (int from = 0; from <= size; from++) {
                nodes.reads = 0;
                List<byte[]> proof = MerkleProofs.consistency(hash, from, size, nodes);
                if (from > 0) {
                    assertThat(proof).as("PROOF(%d, D[%d])", from, size)
                            .containsExactlyElementsOf(Rfc9162.proof(hash, from, leaves, size));
                }
                assertThat(MerkleProofs.verifyConsistency(hash, from, size, proof,
                        Rfc9162.mth(hash, leaves, 0, from), root)).as("from %d to %d", from, size).isTrue();
                assertThat(nodes.reads).isEqualTo(MerkleProofs.consistencyNodes(from, size).size())
                        .isLessThanOrEqualTo(2 * ceilLog2(size));
            }
        }
    }

    @Test
    @DisplayName("a complete tree's inclusion proof reads exactly one node per level")
    void completeTreeProofReadsOneNodePerLevel() {
        assertThat(MerkleProofs.inclusionNodes(123_456, 1L << 20)).hasSize(20);
        assertThat(MerkleProofs.inclusionNodes(5_000_000, 6_000_000)).hasSizeLessThanOrEqualTo(2 * 23);
    }

    @Test
    @DisplayName("SM3 trees hash leaves and nodes with SM3 and the RFC's prefixes; the empty root is SM3 of nothing")
    void sm3TreesUseSm3() {
        byte[] entry = "{\"index\":0}".getBytes(StandardCharsets.UTF_8);
        byte[] leaf = MerkleHash.SM3.leaf(entry);
        byte[] node = MerkleHash.SM3.node(leaf, leaf);

        assertThat(leaf).isEqualTo(sm3(new byte[]{0}, entry));
        assertThat(node).isEqualTo(sm3(new byte[]{1}, leaf, leaf));
        assertThat(HEX.formatHex(MerkleHash.SM3.emptyRoot()))
                .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        assertThat(MerkleHash.fromName("SM3")).isEqualTo(MerkleHash.SM3);
        assertThat(MerkleHash.fromName(MerkleHash.SHA_256.algorithmName())).isEqualTo(MerkleHash.SHA_256);
        assertThatThrownBy(() -> MerkleHash.fromName("sha256")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256");
    }

    @Test
    @DisplayName("impossible proofs are refused with a clear message, not answered")
    void illegalArgumentsAreRefused() {
        NodeSource nodes = NodeSource.ofLeaves(SHA, LEAVES);
        assertThatThrownBy(() -> MerkleProofs.inclusion(SHA, 8, 8, nodes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf index 8 is not in a tree of 8 leaves");
        assertThatThrownBy(() -> MerkleProofs.inclusion(SHA, -1, 8, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusion(SHA, 0, 0, nodes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one leaf");
        assertThatThrownBy(() -> MerkleProofs.consistency(SHA, 5, 4, nodes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 5 to 4");
        assertThatThrownBy(() -> MerkleProofs.root(SHA, -1, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nodes.node(1, 4)).as("leaves 8..9 are not there")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a complete subtree");
        assertThatThrownBy(() -> CompactRange.of(SHA, 3, List.of(LEAVES.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a tree of 3 leaves has 2 peaks, not 1");
        assertThat(MerkleProofs.consistency(SHA, 0, 8, nodes)).isEmpty();
        assertThat(MerkleProofs.root(SHA, 0, nodes)).isEqualTo(SHA.emptyRoot());
    }

    @Test
    @DisplayName("a compact range rebuilt from its size and peaks goes on as the original")
    void compactRangeRestoresFromPeaks() {
        CompactRange original = new CompactRange(SHA);
        LEAVES.subList(0, 5).forEach(original::append);

        CompactRange restored = CompactRange.of(SHA, original.size(), original.peaks());
        CompactRange copy = original.copy();
        List<byte[]> completed = restored.append(LEAVES.get(5));
        original.append(LEAVES.get(5));

        assertThat(restored.root()).isEqualTo(original.root()).isEqualTo(HEX.parseHex(ROOTS.get(5)));
        assertThat(copy.size()).isEqualTo(5);
        assertThat(copy.root()).isEqualTo(HEX.parseHex(ROOTS.get(4)));
        assertThat(completed).hasSize(1); // leaf 5 completes the pair 4..5
        assertThat(completed.get(0)).isEqualTo(SHA.node(LEAVES.get(4), LEAVES.get(5)));
    }

    private static byte[] leaf(List<byte[]> leaves, int index) {
        return leaves.get(index);
    }

    private static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private static byte[] sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static List<byte[]> hex(String... values) {
        return Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static List<String> split(String hashes) {
        return hashes.isBlank() ? List.of() : List.of(hashes.trim().split(" "));
    }

    /** Counts the nodes a proof reads. */
    private static final class CountingNodes implements NodeSource {
        private final NodeSource nodes;
        int reads;

        CountingNodes(NodeSource nodes) {
            this.nodes = nodes;
        }

        @Override
        public byte[] node(int level, long index) {
            reads++;
            return nodes.node(level, index);
        }
    }

    /** RFC 9162 2.1.1, 2.1.3.1 and 2.1.4.1 written as the RFC defines them: recursively, over all leaves. */
    static final class Rfc9162 {
        private Rfc9162() {
        }

        /** MTH(D[from:to]). */
        static byte[] mth(MerkleHash hash, List<byte[]> leaves, int from, int to) {
            int n = to - from;
            if (n == 0) {
                return hash.emptyRoot();
            }
            if (n == 1) {
                return leaves.get(from);
            }
            int k = Integer.highestOneBit(n - 1);
            return hash.node(mth(hash, leaves, from, from + k), mth(hash, leaves, from + k, to));
        }

        /** PATH(m, D[from:to]). */
        static List<byte[]> path(MerkleHash hash, int m, List<byte[]> leaves, int from, int to) {
            int n = to - from;
            if (n == 1) {
                return new ArrayList<>();
            }
            int k = Integer.highestOneBit(n - 1);
            List<byte[]> path;
            if (m < k) {
                path = path(hash, m, leaves, from, from + k);
                path.add(mth(hash, leaves, from + k, to));
            } else {
                path = path(hash, m - k, leaves, from + k, to);
                path.add(mth(hash, leaves, from, from + k));
            }
            return path;
        }

        /** PROOF(m, D[n]) = SUBPROOF(m, D[0:n], true). */
        static List<byte[]> proof(MerkleHash hash, int m, List<byte[]> leaves, int n) {
            return subproof(hash, m, leaves, 0, n, true);
        }

        private static List<byte[]> subproof(MerkleHash hash, int m, List<byte[]> leaves, int from, int to, boolean b) {
            int n = to - from;
            if (m == n) {
                List<byte[]> proof = new ArrayList<>();
                if (!b) {
                    proof.add(mth(hash, leaves, from, to));
                }
                return proof;
            }
            int k = Integer.highestOneBit(n - 1);
            List<byte[]> proof;
            if (m <= k) {
                proof = subproof(hash, m, leaves, from, from + k, b);
                proof.add(mth(hash, leaves, from + k, to));
            } else {
                proof = subproof(hash, m - k, leaves, from + k, to, false);
                proof.add(mth(hash, leaves, from, from + k));
            }
            return proof;
        }
    }
}

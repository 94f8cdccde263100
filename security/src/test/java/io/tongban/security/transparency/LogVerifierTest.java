package io.tongban.security.transparency;

import io.tongban.security.transparency.TestLog.Row;
import io.tongban.security.transparency.VerificationResult.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering with the stored log the way someone with database access could, and the verifier naming
 * the entry. The log has 20 entries and a checkpoint after every 4 (sizes 4, 8, ..., 20), so entry 5
 * lies between the checkpoints of size 4 and 8.
 */
class LogVerifierTest {
    private static TestLog log;

    @BeforeAll
    static void createLog() {
        log = TestLog.of(20, 4);
    }

    private static List<Row> rows() {
        return new ArrayList<>(log.rows);
    }

    private static VerificationResult verify(List<Row> rows) {
        return log.verify(rows, log.checkpoints);
    }

    @Test
    @DisplayName("an untouched log verifies: every entry, every checkpoint, the whole tree signed")
    void cleanLogVerifies() {
        VerificationResult result = log.verify();

        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(result.entriesVerified()).isEqualTo(20);
        assertThat(result.checkpointsVerified()).isEqualTo(5);
        assertThat(result.treeSize()).isEqualTo(20);
        assertThat(result.uncheckpointed()).isZero();
        assertThat(result.problem()).isNull();
        assertThat(result.firstBadIndex()).isNull();
    }

    @Test
    @DisplayName("(a) the JSON of row 5 edited: entry 5 CHANGED, its text no longer hashes to its stored leaf")
    void editedEntry() {
        List<Row> rows = rows();
        Row row = rows.get(5);
        rows.set(5, new Row(5, TestLog.edited(row.text()), row.hashes()));

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.CHANGED, 5);
        assertThat(result.lastBadIndex()).isEqualTo(5);
        assertThat(result.detail()).contains("stored leaf hash");
        assertThat(result.entriesVerified()).isEqualTo(5);
        assertThat(result.treeSize()).isEqualTo(4);
    }

    @Test
    @DisplayName("(a') the \"previous\" of row 5 edited: still entry 5, since its own stored leaf no longer matches")
    void editedLink() {
        List<Row> rows = rows();
        Row row = rows.get(5);
        String text = new String(row.text(), StandardCharsets.UTF_8).replaceFirst("\"previous\":\"[^\"]*\"",
                "\"previous\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"");
        rows.set(5, new Row(5, text.getBytes(StandardCharsets.UTF_8), row.hashes()));

        assertProblem(verify(rows), Problem.CHANGED, 5);
    }

    @Test
    @DisplayName("(b) row 5 edited and its stored hashes recomputed: entry 5 CHANGED, found by the link of entry 6")
    void editedEntryWithRewrittenHashes() {
        List<Row> leafRewritten = rows();
        Row row = leafRewritten.get(5);
        byte[] edited = TestLog.edited(row.text());
        byte[] hashes = row.hashes().clone();
        System.arraycopy(log.hash.leaf(edited), 0, hashes, 0, 32);
        leafRewritten.set(5, new Row(5, edited, hashes));
        List<Row> allRewritten = TestLog.restored(leafRewritten, log.hash); // subtree hashes made consistent too

        VerificationResult leafOnly = verify(leafRewritten);
        VerificationResult everything = verify(allRewritten);

        assertProblem(leafOnly, Problem.CHANGED, 5);
        assertProblem(everything, Problem.CHANGED, 5);
        assertThat(everything.lastBadIndex()).isEqualTo(6);
        assertThat(everything.detail()).contains("\"previous\" of entry 6");
    }

    @Test
    @DisplayName("(b) next to a checkpoint: the root mismatch at size 6 is narrowed to entry 5 by the next row")
    void editedEntryJustBeforeCheckpoint() {
        TestLog dense = TestLog.of(10, 2); // checkpoints at 2, 4, 6, 8, 10
        List<Row> rows = new ArrayList<>(dense.rows);
        rows.set(5, new Row(5, TestLog.edited(rows.get(5).text()), null));
        List<Row> rewritten = TestLog.restored(rows, dense.hash);

        VerificationResult result = dense.verify(rewritten, dense.checkpoints);

        assertProblem(result, Problem.CHANGED, 5);
        assertThat(result.detail()).contains("\"previous\" of entry 6").contains("root signed at size 6");
    }

    @Test
    @DisplayName("(c) row 5 deleted: entry 5 MISSING")
    void deletedRow() {
        List<Row> rows = rows();
        rows.remove(5);

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.MISSING, 5);
        assertThat(result.detail()).contains("no row 5");
    }

    @Test
    @DisplayName("(d) row 5 deleted and the later rows renumbered down: entry 5 MISSING")
    void deletedAndRenumbered() {
        List<Row> rows = rows();
        rows.remove(5);
        for (int i = 5; i < rows.size(); i++) {
            rows.set(i, rows.get(i).withIndex(i));
        }

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.MISSING, 5);
        assertThat(result.detail()).contains("row 5 holds the entry with index 6");
    }

    @Test
    @DisplayName("(e) the contents of rows 5 and 6 swapped: OUT_OF_PLACE at 5")
    void swappedRows() {
        List<Row> rows = rows();
        Row five = rows.get(5);
        Row six = rows.get(6);
        rows.set(5, six.withIndex(5));
        rows.set(6, five.withIndex(6));

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.OUT_OF_PLACE, 5);
        assertThat(result.lastBadIndex()).isEqualTo(6);
    }

    @Test
    @DisplayName("(e') only the entry texts of rows 5 and 6 swapped, not their stored hashes: entry 5 CHANGED")
    void swappedTexts() {
        List<Row> rows = rows();
        Row five = rows.get(5);
        Row six = rows.get(6);
        rows.set(5, new Row(5, six.text(), five.hashes()));
        rows.set(6, new Row(6, five.text(), six.hashes()));

        assertProblem(verify(rows), Problem.CHANGED, 5);
    }

    @Test
    @DisplayName("(f) rows from 5 renumbered up, a forged well-formed entry (index 5, right previous) put at 5: INSERTED at 5")
    void insertedEntry() {
        List<Row> rows = new ArrayList<>(rows().subList(0, 5));
        rows.add(new Row(5, TestLog.entry(5, log.hash.leaf(log.rows.get(4).text()), "forged"), null));
        for (Row row : log.rows.subList(5, 20)) {
            rows.add(row.withIndex(row.index() + 1));
        }

        VerificationResult result = verify(TestLog.restored(rows, log.hash));

        assertProblem(result, Problem.INSERTED, 5);
        assertThat(result.detail()).contains("row 6 holds the entry with index 5");
    }

    @Test
    @DisplayName("(g) a forged row appended past the last checkpoint is not an error, but counted as not covered by any")
    void appendedPastLastCheckpoint() {
        TestLog extended = TestLog.of(20, 4);
        extended.append("forged");

        VerificationResult result = extended.verify(TestLog.restored(extended.rows, extended.hash), extended.checkpoints);

        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(result.entriesVerified()).isEqualTo(21);
        assertThat(result.treeSize()).isEqualTo(20);
        assertThat(result.uncheckpointed()).isEqualTo(1);
    }

    @Test
    @DisplayName("(g) a forged row where the log later signed its real entry: CHECKPOINT_MISMATCH over that entry")
    void appendedThenCheckpointed() {
        TestLog genuine = TestLog.of(20, 4);
        List<Row> forged = new ArrayList<>(genuine.rows);
        genuine.append("lookup");
        genuine.checkpoint(true);
        byte[] previous = genuine.hash.leaf(forged.get(19).text());
        forged.add(new Row(20, TestLog.entry(20, previous, "forged"), null));

        VerificationResult result = genuine.verify(TestLog.restored(forged, genuine.hash), genuine.checkpoints);

        assertProblem(result, Problem.CHECKPOINT_MISMATCH, 20);
        assertThat(result.lastBadIndex()).isEqualTo(20);
        assertThat(result.checkpointSize()).isEqualTo(21);
    }

    @Test
    @DisplayName("a rewrite that keeps chain and stored hashes consistent still fails: CHECKPOINT_MISMATCH, narrowed to 4..7")
    void sophisticatedRewrite() {
        List<Row> rows = rows();
        rows.set(5, new Row(5, TestLog.edited(rows.get(5).text()), null));
        TestLog rewritten = new TestLog(log.hash); // re-chains every later entry
        for (Row row : rows) {
            String text = new String(row.text(), StandardCharsets.UTF_8);
            String previous = row.index() == 0 ? "" : Base64.getEncoder().encodeToString(
                    log.hash.leaf(rewritten.rows.get((int) row.index() - 1).text()));
            rewritten.appendText(text.replaceFirst("\"previous\":\"[^\"]*\"", "\"previous\":\"" + previous + "\"")
                    .getBytes(StandardCharsets.UTF_8));
        }

        VerificationResult result = verify(rewritten.rows);

        assertProblem(result, Problem.CHECKPOINT_MISMATCH, 4);
        assertThat(result.lastBadIndex()).isEqualTo(7);
        assertThat(result.checkpointSize()).isEqualTo(8);
        assertThat(result.detail()).contains("entries 4..7 do not reproduce the root signed at size 8");
        assertThat(result.treeSize()).isEqualTo(4);
    }

    @Test
    @DisplayName("the last rows deleted: MISSING from the first entry the last checkpoint covers and no row holds")
    void truncatedLog() {
        List<Row> rows = rows();
        rows.subList(18, 20).clear();

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.MISSING, 18);
        assertThat(result.lastBadIndex()).isEqualTo(19);
        assertThat(result.checkpointSize()).isEqualTo(20);
        assertThat(result.detail()).contains("cut short");
    }

    @Test
    @DisplayName("an entry that is not JSON, or lacks its index, with a matching stored hash: MALFORMED_ENTRY")
    void malformedEntry() {
        for (String text : List.of("{\"index\":7,", "{\"previous\":\"\"}", "[7]", "{\"index\":\"7\",\"previous\":\"\"}",
                "{\"index\":7,\"index\":7,\"previous\":\"\"}")) {
            List<Row> rows = rows();
            rows.set(7, new Row(7, text.getBytes(StandardCharsets.UTF_8), null));

            VerificationResult result = verify(TestLog.restored(rows, log.hash));

            assertProblem(result, Problem.MALFORMED_ENTRY, 7);
            assertThat(result.detail()).as(text).startsWith("entry 7 is malformed");
        }
        List<Row> notUtf8 = rows();
        notUtf8.set(7, new Row(7, new byte[]{'{', (byte) 0xC3, '}'}, null));
        assertProblem(verify(TestLog.restored(notUtf8, log.hash)), Problem.MALFORMED_ENTRY, 7);
    }

    @Test
    @DisplayName("a stored subtree hash changed: PROOF_STORE_CORRUPT at the row that holds it, the proofs served would be wrong")
    void corruptSubtreeHash() {
        List<Row> rows = rows();
        byte[] hashes = rows.get(7).hashes().clone(); // leaf 7 completes 6..7, 4..7 and 0..7
        hashes[2 * 32] ^= 1;
        rows.set(7, new Row(7, rows.get(7).text(), hashes));

        VerificationResult result = verify(rows);

        assertProblem(result, Problem.PROOF_STORE_CORRUPT, 7);
        assertThat(result.detail()).contains("proofs served from them would be wrong");
    }

    @Test
    @DisplayName("a checkpoint whose signature is over another text: CHECKPOINT_SIGNATURE_INVALID at its size")
    void badCheckpointSignature() {
        List<SignedCheckpoint> checkpoints = new ArrayList<>(log.checkpoints);
        SignedCheckpoint twelve = checkpoints.get(2);
        checkpoints.set(2, new SignedCheckpoint(twelve.checkpoint(), checkpoints.get(1).signature(), null));

        VerificationResult result = log.verify(log.rows, checkpoints);

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(result.checkpointSize()).isEqualTo(12);
        assertThat(result.firstBadIndex()).isNull();
        assertThat(result.detail()).contains("security.digest_mismatch");
        assertThat(result.checkpointsVerified()).isEqualTo(2);
        assertThat(result.entriesVerified()).isEqualTo(12);
    }

    @Test
    @DisplayName("a checkpoint with a timestamp token over other data: TIMESTAMP_INVALID at its size")
    void badTimestamp() {
        List<SignedCheckpoint> checkpoints = new ArrayList<>(log.checkpoints);
        SignedCheckpoint eight = checkpoints.get(1);
        assertThat(eight.timestamped()).isTrue();
        checkpoints.set(1, eight.withTimestamp(checkpoints.get(3).timestampToken()));

        VerificationResult result = log.verify(log.rows, checkpoints);

        assertThat(result.problem()).isEqualTo(Problem.TIMESTAMP_INVALID);
        assertThat(result.checkpointSize()).isEqualTo(8);
        assertThat(result.detail()).contains("security.timestamp_invalid");
    }

    @Test
    @DisplayName("a checkpoint of another log, signed by the same identity: CHECKPOINT_MISMATCH")
    void checkpointOfAnotherLog() {
        List<SignedCheckpoint> checkpoints = new ArrayList<>(log.checkpoints);
        Checkpoint eight = checkpoints.get(1).checkpoint();
        checkpoints.set(1, TestLog.signer().sign(new Checkpoint("another-log", eight.size(), eight.rootHash(),
                eight.hash(), eight.time())));

        VerificationResult result = log.verify(log.rows, checkpoints);

        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThat(result.detail()).contains("'another-log'");
    }

    @Test
    @DisplayName("rows prepared apart (as readers on other threads do) give the same verdict; one prepared with another hash is refused")
    void preparedRows() {
        LogVerifier verifier = new LogVerifier(log.hash, TestLog.ORIGIN, TestLog.checkpointVerifier());
        log.checkpoints.forEach(verifier::checkpoint);
        List<LogVerifier.PreparedRow> prepared = log.rows.parallelStream()
                .map(row -> LogVerifier.prepare(log.hash, row.index(), row.text(), row.hashes())).toList();
        prepared.forEach(verifier::entry);
        assertThat(verifier.finish()).isEqualTo(log.verify());

        Row first = log.rows.get(0);
        LogVerifier other = new LogVerifier(log.hash, TestLog.ORIGIN, TestLog.checkpointVerifier());
        MerkleHash otherHash = log.hash == MerkleHash.SM3 ? MerkleHash.SHA_256 : MerkleHash.SM3;
        assertThatThrownBy(() -> other.entry(LogVerifier.prepare(otherHash, first.index(), first.text(), first.hashes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(otherHash.algorithmName());
    }

    @Test
    @DisplayName("checkpoints interleaved with the rows and consistency proofs give the same verdict; a wrong proof is caught")
    void interleavedFeedingAndConsistencyProofs() {
        NodeSource nodes = NodeSource.ofLeaves(log.hash, log.leafHashes());
        LogVerifier verifier = new LogVerifier(log.hash, TestLog.ORIGIN, TestLog.checkpointVerifier());
        LogVerifier wrongProof = new LogVerifier(log.hash, TestLog.ORIGIN, TestLog.checkpointVerifier());
        long previousSize = 0;
        for (SignedCheckpoint signed : log.checkpoints) {
            long size = signed.checkpoint().size();
            verifier.checkpoint(signed);
            wrongProof.checkpoint(signed);
            List<byte[]> proof = MerkleProofs.consistency(log.hash, previousSize, size, nodes);
            verifier.consistencyProof(previousSize, size, proof);
            wrongProof.consistencyProof(previousSize, size, size == 12 ? List.of(new byte[32], new byte[32]) : proof);
            for (Row row : log.rows.subList((int) previousSize, (int) size)) {
                verifier.entry(row.index(), row.text(), row.hashes());
                wrongProof.entry(row.index(), row.text(), row.hashes());
            }
            previousSize = size;
        }

        VerificationResult result = verifier.finish();
        VerificationResult wrong = wrongProof.finish();

        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(result.checkpointsVerified()).isEqualTo(5);
        assertThat(wrong.problem()).isEqualTo(Problem.PROOF_STORE_CORRUPT);
        assertThat(wrong.checkpointSize()).isEqualTo(12);
        assertThat(wrong.detail()).contains("consistency proof from 8 to 12");
    }

    @Test
    @DisplayName("a checkpoint fed after the entries it covers is a caller's mistake")
    void checkpointAfterItsEntriesIsRefused() {
        LogVerifier verifier = new LogVerifier(log.hash, TestLog.ORIGIN, TestLog.checkpointVerifier());
        for (Row row : log.rows.subList(0, 6)) {
            verifier.entry(row.index(), row.text(), row.hashes());
        }

        assertThatThrownBy(() -> verifier.checkpoint(log.checkpoints.get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the entries they cover");
    }

    @Test
    @DisplayName("entries past the last checkpoint are chained and counted; an empty log with no checkpoint is valid")
    void uncheckpointedEntries() {
        VerificationResult partly = log.verify(log.rows, log.checkpoints.subList(0, 3));
        VerificationResult empty = log.verify(List.of(), List.of());

        assertThat(partly.valid()).isTrue();
        assertThat(partly.treeSize()).isEqualTo(12);
        assertThat(partly.uncheckpointed()).isEqualTo(8);
        assertThat(empty.valid()).isTrue();
        assertThat(empty.entriesVerified()).isZero();
    }

    private static void assertProblem(VerificationResult result, Problem problem, long index) {
        assertThat(result.valid()).as("valid").isFalse();
        assertThat(result.problem()).as(result.detail()).isEqualTo(problem);
        assertThat(result.firstBadIndex()).as(result.detail()).isEqualTo(index);
    }
}

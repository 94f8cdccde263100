package io.tongban.security.transparency;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.TestPki;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.pki.Department;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An exchange log as the bus stores it: canonical JSON entries chained by "previous", rows with their
 * stored hashes, and checkpoints signed by the log identity of the shared test PKI. Tests tamper with
 * {@link #rows} the way someone with database access would.
 */
public final class TestLog {
    static final String ORIGIN = "tongban-bus.test/exchange-log";
    static final Clock CLOCK = Clock.systemUTC();
    private static SignatureService signatures;

    final MerkleHash hash;
    final List<Row> rows = new ArrayList<>();
    final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final CompactRange tree;

    /** One stored row: its index (the database key), the entry text and the "hashes" column. */
    record Row(long index, byte[] text, byte[] hashes) {
        Row withIndex(long newIndex) {
            return new Row(newIndex, text, hashes);
        }
    }

    TestLog(MerkleHash hash) {
        this.hash = hash;
        this.tree = new CompactRange(hash);
    }

    /** A log of {@code size} entries with a checkpoint after every {@code checkpointEvery} (timestamped every other one). */
    public static TestLog of(int size, int checkpointEvery) {
        TestLog log = new TestLog(MerkleHash.SHA_256);
        for (int i = 0; i < size; i++) {
            log.append("lookup");
            if ((i + 1) % checkpointEvery == 0) {
                log.checkpoint(log.checkpoints.size() % 2 == 1);
            }
        }
        return log;
    }

    static synchronized SignatureService signatures() {
        if (signatures == null) {
            signatures = new SignatureService(TestPki.shared(), SignatureSettings.defaults(), CLOCK);
        }
        return signatures;
    }

    static CheckpointSigner signer() {
        return new CheckpointSigner(signatures(), Department.EXCHANGE_LOG, SignatureAlgorithm.SM2_SM3);
    }

    static CheckpointVerifier checkpointVerifier() {
        return CheckpointVerifier.of(TestPki.shared(), CLOCK);
    }

    /** The canonical text of an entry of the bus's shape. */
    static byte[] entry(long index, byte[] previousLeaf, String action) {
        return JsonCanonicalizer.canonicalize("""
                {"index": %d, "previous": "%s", "action": "%s", "department": "tax",
                 "caller": {"department": "platform", "user": "u-3f9a2c"},
                 "fields": ["name", "taxpayerStatus"], "purpose": "matter:residence-permit",
                 "subject": {"masked": "4403**********1234"}, "outcome": "answered",
                 "time": "2026-03-01T08:00:%02dZ"}""".formatted(index,
                previousLeaf.length == 0 ? "" : Base64.getEncoder().encodeToString(previousLeaf), action, index % 60));
    }

    void append(String action) {
        byte[] previous = rows.isEmpty() ? new byte[0] : hash.leaf(rows.get(rows.size() - 1).text());
        appendText(entry(rows.size(), previous, action));
    }

    void appendText(byte[] text) {
        byte[] leaf = hash.leaf(text);
        rows.add(new Row(rows.size(), text, StoredHashes.of(leaf, tree.append(leaf))));
    }

    /** Signs the current tree head. */
    SignedCheckpoint checkpoint(boolean timestamp) {
        Checkpoint head = new Checkpoint(ORIGIN, tree.size(), tree.root(), hash, CLOCK.instant());
        SignedCheckpoint signed = timestamp ? signer().signAndTimestamp(head) : signer().sign(head);
        checkpoints.add(signed);
        return signed;
    }

    /** The stored hashes an intruder would write to make rows look consistent: recomputed from the texts as they are. */
    static List<Row> restored(List<Row> rows, MerkleHash hash) {
        CompactRange tree = new CompactRange(hash);
        List<Row> restored = new ArrayList<>();
        for (Row row : rows) {
            byte[] leaf = hash.leaf(row.text());
            restored.add(new Row(row.index(), row.text(), StoredHashes.of(leaf, tree.append(leaf))));
        }
        return restored;
    }

    /** The text of an entry with its "index" and "previous" as they are, one other field changed. */
    static byte[] edited(byte[] text) {
        String json = new String(text, java.nio.charset.StandardCharsets.UTF_8);
        return json.replace("\"outcome\":\"answered\"", "\"outcome\":\"refused\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    VerificationResult verify() {
        return verify(rows, checkpoints);
    }

    VerificationResult verify(List<Row> tamperedRows, List<SignedCheckpoint> signedCheckpoints) {
        LogVerifier verifier = new LogVerifier(hash, ORIGIN, checkpointVerifier());
        signedCheckpoints.forEach(verifier::checkpoint);
        for (Row row : tamperedRows) {
            verifier.entry(row.index(), row.text(), row.hashes());
        }
        return verifier.finish();
    }

    List<byte[]> leafHashes() {
        return rows.stream().map(row -> hash.leaf(row.text())).toList();
    }

    /** The export of this log's checkpoints, with consistency proofs read from the stored rows, and {@code rows}. */
    byte[] bundle(List<Row> exportedRows) throws IOException {
        SignatureService service = signatures();
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(service.certificate(Department.EXCHANGE_LOG, SignatureAlgorithm.SM2_SM3));
        certificates.addAll(service.issuingCertificates());
        NodeSource nodes = StoredHashes.nodeSource(row -> rows.get((int) row).hashes(), hash.hashLength());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogBundleWriter writer = new LogBundleWriter(out)) {
            writer.header(ORIGIN, hash, certificates, service.currentCrls());
            long previousSize = 0;
            for (SignedCheckpoint signed : checkpoints) {
                writer.checkpoint(signed);
            }
            for (SignedCheckpoint signed : checkpoints) {
                long size = signed.checkpoint().size();
                writer.consistency(previousSize, size, MerkleProofs.consistency(hash, previousSize, size, nodes));
                previousSize = size;
            }
            for (Row row : exportedRows) {
                writer.entry(row.index(), row.hashes() == null ? null : StoredHashes.node(row.hashes(), 0,
                        hash.hashLength()), row.text());
            }
        }
        return out.toByteArray();
    }

    /** The export of the untouched log. */
    public byte[] bundle() throws IOException {
        return bundle(rows);
    }
}

package io.tongban.security.bench;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.DemoPki;
import io.tongban.security.pki.Department;
import io.tongban.security.transparency.Checkpoint;
import io.tongban.security.transparency.CheckpointSigner;
import io.tongban.security.transparency.CheckpointVerifier;
import io.tongban.security.transparency.CompactRange;
import io.tongban.security.transparency.LogBundleVerifier;
import io.tongban.security.transparency.LogBundleWriter;
import io.tongban.security.transparency.LogVerifier;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import io.tongban.security.transparency.NodeSource;
import io.tongban.security.transparency.SignedCheckpoint;
import io.tongban.security.transparency.StoredHashes;
import io.tongban.security.transparency.VerificationResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The exchange-log verifier on one thread: entries per second over a log of about 600-byte entries
 * (SHA-256 and SM3), with and without a signed checkpoint every 10,000 entries; an exported bundle read
 * and verified; and proof generation from the stored rows of a tree of two million leaves.
 *
 * <p>Arguments: {@code [entries]} (default 500,000). Run from the repository root after
 * {@code ./mvnw -B -q -o -pl security test-compile}:
 * <pre>
 * java -cp security/target/test-classes:security/target/classes:$(cat security/target/bench-classpath.txt) \
 *   io.tongban.security.bench.LogVerifierBenchmark
 * </pre>
 * with the classpath file from {@code dependency:build-classpath -Dmdep.includeScope=test} as in
 * bench/signatures.sh.
 */
public final class LogVerifierBenchmark {
    private static final int ROUNDS = 3;
    private static final int CHECKPOINT_EVERY = 10_000;
    private static final String ORIGIN = "tongban-bus.bench/exchange-log";

    private LogVerifierBenchmark() {
    }

    private record Row(long index, byte[] text, byte[] hashes) {
    }

    private record Log(MerkleHash hash, List<Row> rows, List<SignedCheckpoint> checkpoints) {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path dataDir = Files.createTempDirectory("tongban-bench");
        BusPki pki = DemoPki.loadOrCreate(dataDir, "bench".toCharArray(), Clock.systemUTC());
        SignatureService signatures = new SignatureService(pki, SignatureSettings.defaults(), Clock.systemUTC());
        CheckpointSigner signer = new CheckpointSigner(signatures, Department.EXCHANGE_LOG, SignatureAlgorithm.SM2_SM3);
        CheckpointVerifier checkpoints = CheckpointVerifier.of(pki, Clock.systemUTC());

        for (MerkleHash hash : MerkleHash.values()) {
            int size = hash == MerkleHash.SHA_256 ? entries : entries / 2;
            Log log = log(hash, size, signer);
            double bytes = log.rows().stream().mapToLong(row -> row.text().length).average().orElse(0);
            System.out.printf(Locale.ROOT, "%s log: %,d entries of %.0f bytes on average, %d checkpoints%n",
                    hash.algorithmName(), size, bytes, log.checkpoints().size());
            report("  verify entries only", size, best(() -> verify(log, List.of(), checkpoints)));
            report("  verify with checkpoints", size, best(() -> verify(log, log.checkpoints(), checkpoints)));
            if (hash == MerkleHash.SHA_256) {
                byte[] bundle = bundle(log, signatures);
                LogBundleVerifier bundles = new LogBundleVerifier(pki.trustStore().anchors(), Department.EXCHANGE_LOG,
                        Clock.systemUTC());
                System.out.printf(Locale.ROOT, "  bundle: %,d bytes%n", bundle.length);
                report("  read + verify bundle", size, best(() -> {
                    VerificationResult result = bundles.verify(new ByteArrayInputStream(bundle)).verification();
                    require(result);
                    return result;
                }));
            }
        }
        proofs(2_000_000 + 12_345);
    }

    /** Builds a log as the bus would: canonical entries chained by "previous", stored hashes, signed checkpoints. */
    private static Log log(MerkleHash hash, int size, CheckpointSigner signer) {
        Random random = new Random(42);
        CompactRange tree = new CompactRange(hash);
        List<Row> rows = new ArrayList<>(size);
        List<SignedCheckpoint> signed = new ArrayList<>();
        byte[] previous = new byte[0];
        for (int i = 0; i < size; i++) {
            byte[] text = entry(i, previous, random);
            byte[] leaf = hash.leaf(text);
            rows.add(new Row(i, text, StoredHashes.of(leaf, tree.append(leaf))));
            previous = leaf;
            if ((i + 1) % CHECKPOINT_EVERY == 0) {
                Checkpoint head = new Checkpoint(ORIGIN, tree.size(), tree.root(), hash, Clock.systemUTC().instant());
                signed.add(signed.size() % 60 == 0 ? signer.signAndTimestamp(head) : signer.sign(head));
            }
        }
        if (!Arrays.equals(JsonCanonicalizer.canonicalize(rows.get(1).text()), rows.get(1).text())) {
            throw new IllegalStateException("benchmark entries are not canonical");
        }
        return new Log(hash, rows, signed);
    }

    /** An entry of the bus's shape, written in canonical form (members sorted, no white space). */
    private static byte[] entry(long index, byte[] previous, Random random) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        String hex = java.util.HexFormat.of().formatHex(digest);
        String text = "{\"action\":\"lookup\",\"caller\":{\"department\":\"platform\",\"user\":\"u-" + hex.substring(0, 6)
                + "\"},\"department\":\"public-security\",\"digest\":\"sha256:" + hex
                + "\",\"durationMillis\":" + random.nextInt(500)
                + ",\"fields\":[\"address\",\"birthDate\",\"householdRegistration\",\"name\"],\"index\":" + index
                + ",\"outcome\":\"answered\",\"previous\":\"" + Base64.getEncoder().encodeToString(previous)
                + "\",\"purpose\":\"matter:residence-permit\",\"requestId\":\"" + new java.util.UUID(random.nextLong(),
                random.nextLong()) + "\",\"subject\":{\"hash\":\"" + Base64.getEncoder().encodeToString(digest)
                + "\",\"masked\":\"4403**********1234\"},\"time\":\"2026-03-01T08:15:30.123Z\",\"withheld\":"
                + "[{\"field\":\"phone\",\"reason\":\"not released for this purpose\"}]}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static VerificationResult verify(Log log, List<SignedCheckpoint> signed, CheckpointVerifier checkpoints) {
        LogVerifier verifier = new LogVerifier(log.hash(), ORIGIN, checkpoints);
        signed.forEach(verifier::checkpoint);
        for (Row row : log.rows()) {
            verifier.entry(row.index(), row.text(), row.hashes());
        }
        VerificationResult result = verifier.finish();
        require(result);
        return result;
    }

    private static byte[] bundle(Log log, SignatureService signatures) throws Exception {
        NodeSource nodes = StoredHashes.nodeSource(row -> log.rows().get((int) row).hashes(), log.hash().hashLength());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogBundleWriter writer = new LogBundleWriter(out)) {
            writer.header(ORIGIN, log.hash(), signatures.issuingCertificates(), signatures.currentCrls());
            long previous = 0;
            for (SignedCheckpoint signed : log.checkpoints()) {
                writer.checkpoint(signed);
                long size = signed.checkpoint().size();
                writer.consistency(previous, size, MerkleProofs.consistency(log.hash(), previous, size, nodes));
                previous = size;
            }
            for (Row row : log.rows()) {
                writer.entry(row.index(), StoredHashes.node(row.hashes(), 0, log.hash().hashLength()), row.text());
            }
        }
        return out.toByteArray();
    }

    /** Inclusion and consistency proofs from the stored rows of a large tree, in memory: the cost beside the database's. */
    private static void proofs(int size) {
        MerkleHash hash = MerkleHash.SHA_256;
        CompactRange tree = new CompactRange(hash);
        List<byte[]> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] leaf = hash.leaf(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            rows.add(StoredHashes.of(leaf, tree.append(leaf)));
        }
        byte[] root = tree.root();
        NodeSource nodes = StoredHashes.nodeSource(row -> rows.get((int) row), hash.hashLength());
        Random random = new Random(7);
        int proofs = 200_000;
        long reads = 0;
        long start = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long index = random.nextInt(size);
            List<byte[]> proof = MerkleProofs.inclusion(hash, index, size, nodes);
            reads += MerkleProofs.inclusionNodes(index, size).size();
            if (i % 1000 == 0 && !MerkleProofs.verifyInclusion(hash, index, size, hash.leaf(
                    Long.toString(index).getBytes(StandardCharsets.UTF_8)), proof, root)) {
                throw new IllegalStateException("inclusion proof does not verify");
            }
        }
        double inclusionMicros = (System.nanoTime() - start) / 1e3 / proofs;
        long consistencyReads = 0;
        start = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long from = 1 + random.nextInt(size - 1);
            MerkleProofs.consistency(hash, from, size, nodes);
            consistencyReads += MerkleProofs.consistencyNodes(from, size).size();
        }
        double consistencyMicros = (System.nanoTime() - start) / 1e3 / proofs;
        System.out.printf(Locale.ROOT, "proofs in a tree of %,d leaves (rows in memory): inclusion %.1f us and %.1f node"
                        + " reads on average, consistency %.1f us and %.1f node reads%n", size, inclusionMicros,
                (double) reads / proofs, consistencyMicros, (double) consistencyReads / proofs);
    }

    private static void require(VerificationResult result) {
        if (!result.valid()) {
            throw new IllegalStateException("benchmark log does not verify: " + result.detail());
        }
    }

    private interface Run {
        Object run() throws Exception;
    }

    /**
     * Seconds of the best of {@value #ROUNDS} runs after one to warm up the JIT (other processes on a
     * shared machine only ever slow a run down).
     */
    private static double best(Run run) throws Exception {
        run.run();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void report(String what, int entries, double seconds) {
        System.out.printf(Locale.ROOT, "%-28s %,12.0f entries/s (%.2f s)%n", what, entries / seconds, seconds);
    }
}

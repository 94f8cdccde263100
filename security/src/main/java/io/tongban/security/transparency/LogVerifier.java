package io.tongban.security.transparency;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.transparency.VerificationResult.Problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the exchange log from what the database (or an exported bundle) holds, trusting nothing of
 * it but the checkpoint signatures: it recomputes every leaf hash from the entry text, rebuilds the
 * tree, compares its root with the signed root at every checkpoint size, checks the signatures and
 * timestamps of the checkpoints, and follows the hash chain beside the tree (each entry's "index" is
 * its position, its "previous" the base64 leaf hash of the entry before; "" for the first). It keeps a
 * {@link CompactRange}, not the leaves: memory stays constant however long the log.
 *
 * <p>Feed it the signed checkpoints in order of size, then the entry rows in stored order, then call
 * {@link #finish}. Checkpoints may also be interleaved with the rows, which keeps memory constant for
 * any number of them: a checkpoint of size S must come before the entry at index S. Entries past the
 * last checkpoint are checked for chain and index and counted as uncheckpointed, not as an error.
 *
 * <p>It reports the first problem in log order, at the entry the evidence points to. The checks of a
 * row run in this order: rows in sequence without gap ({@link Problem#MISSING}, {@link Problem#OUT_OF_PLACE});
 * the text against the stored leaf hash ({@link Problem#CHANGED}); well-formed ({@link Problem#MALFORMED_ENTRY});
 * the entry's own "index" against its row (ahead: {@link Problem#MISSING}, entries deleted and rows
 * renumbered; behind: {@link Problem#INSERTED}); its "previous" against the recomputed leaf of the row
 * before ({@link Problem#CHANGED}: the entry before was changed and its stored hash rewritten, or this
 * link was); then the stored subtree hashes ({@link Problem#PROOF_STORE_CORRUPT}). A problem becomes the
 * verdict only once the next row has been examined, since that row may point to an earlier entry: a
 * changed entry whose stored hashes were rewritten shows only in the next entry's link, a root mismatch
 * at a checkpoint is narrowed to one entry by the next row, and an entry ahead of its row followed by
 * the missing one is a swap ({@link Problem#OUT_OF_PLACE}). Entries under a checkpoint that matched are
 * never blamed. Not thread-safe.
 *
 * <p>Each checkpoint costs a CMS verification (about a millisecond): a caller verifying days of
 * checkpoints signed every second may feed only those it needs (the timestamped ones and the latest).
 */
public final class LogVerifier {
    private static final Set<String> LINK_MEMBERS = Set.of("index", "previous");
    private static final byte[] NO_PREVIOUS = new byte[0];

    private final MerkleHash hash;
    private final String origin;
    private final CheckpointVerifier checkpointVerifier;
    private final CompactRange tree;
    private final Deque<SignedCheckpoint> checkpoints = new ArrayDeque<>();
    /** Consistency proofs fed, by the size they end at. */
    private final Map<Long, List<ConsistencyProof>> proofsByEnd = new HashMap<>();
    /** Sizes that fed proofs start from, and the signed roots of those reached. */
    private final Set<Long> wantedStarts = new HashSet<>();
    private final Map<Long, byte[]> proofStarts = new HashMap<>();

    private byte[] previousLeaf = NO_PREVIOUS;
    private long lastRow = -1;
    private long lastCheckpointFed = 0;
    private long checkpointedSize;
    private byte[] checkpointedRoot;
    private int checkpointsVerified;
    private Finding tentative;
    private Finding verdict;
    private boolean finished;

    /**
     * @param origin the log's origin: every checkpoint must name it
     */
    public LogVerifier(MerkleHash hash, String origin, CheckpointVerifier checkpointVerifier) {
        this.hash = hash;
        this.origin = origin;
        this.checkpointVerifier = checkpointVerifier;
        this.tree = new CompactRange(hash);
        this.checkpointedRoot = hash.emptyRoot();
    }

    /** A signed checkpoint, in order of size, before the entry at index {@code size}. */
    public void checkpoint(SignedCheckpoint signed) {
        requireOpen();
        long size = signed.checkpoint().size();
        if (size < lastCheckpointFed || size < tree.size()) {
            throw new IllegalStateException("checkpoint of size " + size + " fed after "
                    + (size < lastCheckpointFed ? "one of size " + lastCheckpointFed : tree.size() + " entries")
                    + ": feed checkpoints in order of size, before the entries they cover");
        }
        lastCheckpointFed = size;
        checkpoints.addLast(signed);
    }

    /**
     * A consistency proof between two checkpoints, as the bus serves it, checked against their signed
     * roots once the entries reach {@code to}; one that does not verify means the bus serves wrong proofs.
     */
    public void consistencyProof(long from, long to, List<byte[]> proof) {
        requireOpen();
        if (from < 0 || from > to || to < tree.size()) {
            throw new IllegalStateException("consistency proof from " + from + " to " + to + " fed after "
                    + tree.size() + " entries: feed proofs before the entries they cover");
        }
        if (from < checkpointedSize) {
            throw new IllegalStateException("consistency proof from " + from + " fed after the checkpoint of size "
                    + checkpointedSize + ": feed proofs before the entries of their first checkpoint");
        }
        proofsByEnd.computeIfAbsent(to, end -> new ArrayList<>()).add(new ConsistencyProof(from, to, List.copyOf(proof)));
        wantedStarts.add(from);
        if (from == checkpointedSize) {
            proofStarts.put(from, checkpointedRoot);
        }
    }

    /** An entry row with the row's stored "hashes" ({@link StoredHashes}); null if none are stored. */
    public void entry(long rowIndex, byte[] entryText, byte[] storedHashes) {
        entry(prepare(hash, rowIndex, entryText, storedHashes));
    }

    /** An entry row of which only the stored leaf hash is known (an exported bundle); null if none. */
    public void entryWithLeafHash(long rowIndex, byte[] entryText, byte[] storedLeafHash) {
        accept(new PreparedRow(hash, rowIndex, entryText, storedLeafHash, true));
    }

    /** A row {@link #prepare prepared} by the caller, in stored order like the others. */
    public void entry(PreparedRow row) {
        if (!row.hash.equals(hash)) {
            throw new IllegalArgumentException("a row prepared with " + row.hash.algorithmName() + ", not with "
                    + hash.algorithmName());
        }
        accept(row);
    }

    /**
     * An entry row (with its stored "hashes", null if none) worked out as far as it can be alone: its leaf hash and
     * its hash-chain link. That is most of a row's verification and needs no verifier, so a reader may prepare rows
     * on other threads while the verifier takes the prepared ones in stored order.
     */
    public static PreparedRow prepare(MerkleHash hash, long rowIndex, byte[] entryText, byte[] storedHashes) {
        return new PreparedRow(hash, rowIndex, entryText, storedHashes, false);
    }

    /** A row with its leaf hash and its link read (or why it could not be); see {@link #prepare}. */
    public static final class PreparedRow {
        private final MerkleHash hash;
        private final long row;
        private final byte[] leaf;
        private final byte[] stored;
        private final boolean leafOnly;
        private final Link link;
        private final String malformed;

        private PreparedRow(MerkleHash hash, long row, byte[] text, byte[] stored, boolean leafOnly) {
            this.hash = hash;
            this.row = row;
            this.leaf = hash.leaf(text);
            this.stored = stored;
            this.leafOnly = leafOnly;
            Link read = null;
            String problem = null;
            try {
                read = Link.read(decode(text), hash);
            } catch (IllegalArgumentException | SecurityServiceException e) {
                problem = e.getMessage();
            }
            this.link = read;
            this.malformed = problem;
        }
    }

    /** Entries accepted so far: the index the next entry should have. */
    public long size() {
        return tree.size();
    }

    /** Whether the verdict is already in: later rows are not looked at, a caller may stop reading. */
    public boolean decided() {
        return verdict != null;
    }

    public VerificationResult finish() {
        if (!finished) {
            finished = true;
            if (verdict == null && tentative == null) {
                verdict = reachCheckpoints();
            }
            if (verdict == null) {
                verdict = tentative;
            }
            if (verdict == null && !checkpoints.isEmpty()) {
                verdict = truncated(checkpoints.peekFirst());
            }
            if (verdict == null && !proofsByEnd.isEmpty()) {
                ConsistencyProof proof = proofsByEnd.values().iterator().next().get(0);
                verdict = proofProblem(proof, "names a checkpoint of size " + proof.to() + " beyond the entries");
            }
        }
        return result();
    }

    /** Ends verification with a problem found outside the log's content (a broken bundle line), unless one came first. */
    VerificationResult abort(Problem problem, Long index, String detail) {
        if (!finished) {
            finished = true;
            if (verdict == null) {
                verdict = tentative != null ? tentative
                        : new Finding(problem, index, index, null, detail, tree.size(), false);
            }
        }
        return result();
    }

    private void accept(PreparedRow prepared) {
        long row = prepared.row;
        byte[] stored = prepared.stored;
        requireOpen();
        if (verdict != null) {
            return;
        }
        if (tentative == null) {
            Finding atCheckpoint = reachCheckpoints();
            if (atCheckpoint != null) {
                decide(atCheckpoint);
                if (verdict != null) {
                    return;
                }
            }
        }
        byte[] leaf = prepared.leaf;
        Examined examined = examine(prepared);
        if (tentative != null) {
            verdict = refine(tentative, examined);
            return;
        }
        List<byte[]> completed = tree.append(leaf);
        previousLeaf = leaf;
        lastRow = Math.max(lastRow, row);
        Finding finding = examined.finding();
        if (finding == null && stored != null && !prepared.leafOnly) {
            finding = checkStoredSubtrees(row, stored, leaf, completed);
        }
        if (finding != null) {
            decide(finding);
        }
    }

    /** Problems tied to entries wait for the next row; those of a checkpoint alone are final. */
    private void decide(Finding finding) {
        if (finding.first() == null) {
            verdict = finding;
        } else {
            tentative = finding;
        }
    }

    private Examined examine(PreparedRow prepared) {
        long row = prepared.row;
        byte[] leaf = prepared.leaf;
        byte[] stored = prepared.stored;
        long expected = tree.size();
        if (row <= lastRow) {
            return new Examined(entryFinding(Problem.OUT_OF_PLACE, row, row,
                    "row " + row + " comes after row " + lastRow + ": rows repeat or run backwards"), null);
        }
        if (row > expected) {
            return new Examined(entryFinding(Problem.MISSING, expected, row - 1, row - expected == 1
                    ? "there is no row " + expected + ": the entry was deleted"
                    : "there are no rows " + expected + ".." + (row - 1) + ": the entries were deleted"), null);
        }
        if (stored != null && stored.length < leaf.length) {
            return new Examined(new Finding(Problem.PROOF_STORE_CORRUPT, row, row, null, "the stored hashes of entry "
                    + row + " are cut short", row, true), null);
        }
        if (stored != null && !startsWith(stored, leaf)) {
            return new Examined(entryFinding(Problem.CHANGED, row, row, "entry " + row
                    + " no longer hashes to its stored leaf hash: its text was changed"), null);
        }
        Link link = prepared.link;
        if (link == null) {
            return new Examined(entryFinding(Problem.MALFORMED_ENTRY, row, row, "entry " + row + " is malformed: "
                    + prepared.malformed), null);
        }
        if (link.index() > row) {
            return new Examined(entryFinding(Problem.MISSING, row, link.index() - 1, "row " + row
                    + " holds the entry with index " + link.index() + ": entries from " + row
                    + " on were deleted and the later rows renumbered").withAheadOfRow(), link.index());
        }
        if (link.index() < row) {
            return new Examined(entryFinding(Problem.INSERTED, link.index(), row - 1, "row " + row
                    + " holds the entry with index " + link.index() + ": an entry was inserted from index "
                    + link.index() + " on"), link.index());
        }
        if (!MessageDigest.isEqual(link.previous(), previousLeaf)) {
            return new Examined(row == 0
                    ? entryFinding(Problem.CHANGED, 0, 0, "entry 0 links to a previous entry")
                    : entryFinding(Problem.CHANGED, row - 1, row, "the \"previous\" of entry " + row
                    + " is not the leaf hash of entry " + (row - 1) + ": entry " + (row - 1)
                    + " was changed and its stored hash rewritten, or the link of entry " + row + " was"), link.index());
        }
        return new Examined(null, link.index());
    }

    private Finding checkStoredSubtrees(long row, byte[] stored, byte[] leaf, List<byte[]> completed) {
        if (!Arrays.equals(stored, StoredHashes.of(leaf, completed))) {
            return new Finding(Problem.PROOF_STORE_CORRUPT, row, row, null, "the subtree hashes stored with entry " + row
                    + " differ from the recomputation: proofs served from them would be wrong", row, true);
        }
        return null;
    }

    /** The next row decides: it may point to an earlier entry, or turn an entry ahead of its row into a swap. */
    private Finding refine(Finding pending, Examined next) {
        if (pending.aheadOfRow() && next.index() != null && next.index().equals(pending.first())) {
            return entryFinding(Problem.OUT_OF_PLACE, pending.first(), pending.first() + 1, "rows " + pending.first()
                    + " and " + (pending.first() + 1) + " hold each other's entries: the rows were reordered");
        }
        Finding later = next.finding();
        if (later == null) {
            return pending;
        }
        if (later.first() < pending.first()) {
            return later;
        }
        if (pending.derived() && later.first() <= pending.last()) {
            return later.withDetail(later.detail() + " (" + pending.detail() + ")");
        }
        return pending;
    }

    /** The checkpoints and consistency proofs at the current size; the first problem, or null. */
    private Finding reachCheckpoints() {
        long size = tree.size();
        boolean checkpointHere = !checkpoints.isEmpty() && checkpoints.peekFirst().checkpoint().size() == size;
        if (!checkpointHere && (proofsByEnd.isEmpty() || !proofsByEnd.containsKey(size))) {
            return null; // nothing signed at this size: the common case, once per entry
        }
        boolean matched = false;
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().checkpoint().size() == size) {
            SignedCheckpoint signed = checkpoints.removeFirst();
            Finding problem = checkCheckpoint(signed);
            if (problem == null) {
                problem = checkRoot(signed.checkpoint());
            }
            if (problem != null) {
                return problem;
            }
            matched = true;
        }
        for (ConsistencyProof proof : proofsByEnd.getOrDefault(size, List.of())) {
            byte[] fromRoot = proof.from() == 0 ? hash.emptyRoot() : proofStarts.get(proof.from());
            if (!matched || fromRoot == null) {
                return proofProblem(proof, "names no checkpoint of size " + (matched ? proof.from() : proof.to()));
            }
            if (!MerkleProofs.verifyConsistency(hash, proof.from(), proof.to(), proof.hashes(), fromRoot,
                    checkpointedRoot)) {
                return proofProblem(proof, "does not verify against the signed roots");
            }
        }
        proofsByEnd.remove(size);
        return null;
    }

    private Finding checkCheckpoint(SignedCheckpoint signed) {
        Checkpoint checkpoint = signed.checkpoint();
        if (!checkpoint.origin().equals(origin) || checkpoint.hash() != hash) {
            return checkpointFinding(Problem.CHECKPOINT_MISMATCH, checkpoint, "the checkpoint of size " + checkpoint.size()
                    + " is of the log '" + checkpoint.origin() + "' with " + checkpoint.hash().algorithmName()
                    + ", not of '" + origin + "' with " + hash.algorithmName());
        }
        CheckpointVerification verification = checkpointVerifier.verify(signed);
        if (!verification.valid()) {
            Problem problem = verification.failure() == CheckpointVerification.Failure.TIMESTAMP
                    ? Problem.TIMESTAMP_INVALID : Problem.CHECKPOINT_SIGNATURE_INVALID;
            return checkpointFinding(problem, checkpoint, "the checkpoint of size " + checkpoint.size() + " signed at "
                    + checkpoint.time() + ": " + verification.reasonCode() + " - " + verification.reason());
        }
        return null;
    }

    private Finding checkRoot(Checkpoint checkpoint) {
        byte[] root = tree.root();
        if (MessageDigest.isEqual(root, checkpoint.rootHash())) {
            checkpointsVerified++;
            checkpointedSize = checkpoint.size();
            checkpointedRoot = root;
            if (wantedStarts.contains(checkpointedSize)) {
                proofStarts.put(checkpointedSize, root);
            }
            return null;
        }
        if (checkpoint.size() == checkpointedSize) { // two signed roots for one size, or a root for no entries
            return checkpointFinding(Problem.CHECKPOINT_MISMATCH, checkpoint, "the checkpoint of size "
                    + checkpoint.size() + " signed at " + checkpoint.time() + " has another root than the entries give");
        }
        return new Finding(Problem.CHECKPOINT_MISMATCH, checkpointedSize, checkpoint.size() - 1, checkpoint.size(),
                "entries " + checkpointedSize + ".." + (checkpoint.size() - 1) + " do not reproduce the root signed at size "
                        + checkpoint.size() + " at " + checkpoint.time() + ": one of them was changed, inserted or removed"
                        + " and the hash chain rewritten over it", checkpointedSize, true);
    }

    /** Entries that a signed checkpoint covers are gone from the end (after its signature was checked). */
    private Finding truncated(SignedCheckpoint signed) {
        Finding problem = checkCheckpoint(signed);
        if (problem != null) {
            return problem;
        }
        long size = tree.size();
        long signedSize = signed.checkpoint().size();
        return new Finding(Problem.MISSING, size, signedSize - 1, signedSize, "the checkpoint of size " + signedSize
                + " signed at " + signed.checkpoint().time() + " covers entries " + size + ".." + (signedSize - 1)
                + ", which are missing: the log was cut short", size, false);
    }

    private Finding checkpointFinding(Problem problem, Checkpoint checkpoint, String detail) {
        return new Finding(problem, null, null, checkpoint.size(), detail, tree.size(), true);
    }

    private Finding proofProblem(ConsistencyProof proof, String what) {
        return new Finding(Problem.PROOF_STORE_CORRUPT, null, null, proof.to(), "the consistency proof from "
                + proof.from() + " to " + proof.to() + " " + what + ": the bus serves wrong proofs", tree.size(), true);
    }

    /** A problem with entries, never blamed on entries a matched checkpoint vouches for. */
    private Finding entryFinding(Problem problem, long first, long last, String detail) {
        long from = Math.max(first, checkpointedSize);
        return new Finding(problem, from, Math.max(last, from), null, detail, from, false);
    }

    private VerificationResult result() {
        Finding finding = verdict;
        long entries = finding == null ? tree.size() : finding.entriesVerified();
        String detail = finding != null ? finding.detail() : entries + " entries and " + checkpointsVerified
                + " checkpoints verified; " + (entries - checkpointedSize) + " entries past the latest checkpoint";
        return new VerificationResult(finding == null, entries, checkpointsVerified, checkpointedSize,
                finding == null ? null : finding.first(), finding == null ? null : finding.problem(), detail,
                Math.max(0, entries - checkpointedSize), finding == null ? null : finding.last(),
                finding == null ? null : finding.checkpointSize());
    }

    /**
     * Strict UTF-8. The JDK's lenient decoding is several times faster and replaces malformed input with
     * U+FFFD, so only a text that then holds U+FFFD is decoded again strictly, to tell the two apart.
     */
    private static String decode(byte[] text) {
        String decoded = new String(text, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') < 0) {
            return decoded;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    private static boolean startsWith(byte[] stored, byte[] leaf) {
        return Arrays.equals(stored, 0, leaf.length, leaf, 0, leaf.length);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the verification is finished");
        }
    }

    /** The hash-chain fields of an entry: its "index" (a non-negative integer) and "previous" (base64, "" at 0). */
    private record Link(long index, byte[] previous) {
        static Link read(String text, MerkleHash hash) {
            Map<String, String> members = JsonCanonicalizer.members(text, LINK_MEMBERS);
            long index = naturalNumber(members.get("index"));
            if (index < 0) {
                throw new IllegalArgumentException("\"index\" is missing or not a non-negative integer");
            }
            String previous = members.get("previous");
            if (previous == null || !previous.startsWith("\"")) {
                throw new IllegalArgumentException("\"previous\" is missing or not a string");
            }
            // base64 needs no escapes: only a string with a backslash is worth decoding as JSON
            String base64 = previous.indexOf('\\') < 0 ? previous.substring(1, previous.length() - 1)
                    : JsonCanonicalizer.stringValue(previous);
            byte[] previousLeaf = base64.isEmpty() ? NO_PREVIOUS : Base64.getDecoder().decode(base64);
            if (previousLeaf.length != 0 && previousLeaf.length != hash.hashLength()) {
                throw new IllegalArgumentException("\"previous\" is not a " + hash.algorithmName() + " hash");
            }
            return new Link(index, previousLeaf);
        }

        /** The value of a JSON integer literal without sign, fraction or exponent below 10^18; else -1. */
        private static long naturalNumber(String literal) {
            if (literal == null || literal.isEmpty() || literal.length() > 18
                    || (literal.charAt(0) == '0' && literal.length() > 1)) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    private record ConsistencyProof(long from, long to, List<byte[]> hashes) {
    }

    /** What a row's checks found, and the entry's own index when it could be read. */
    private record Examined(Finding finding, Long index) {
    }

    /**
     * @param first           first entry index concerned; null for a checkpoint's own problem (final at once)
     * @param entriesVerified entries that passed before it
     * @param derived         found through a root or stored hashes, so a row-level finding at an index
     *                        it covers explains it better
     */
    private record Finding(Problem problem, Long first, Long last, Long checkpointSize, String detail,
                           long entriesVerified, boolean derived, boolean aheadOfRow) {
        Finding(Problem problem, Long first, Long last, Long checkpointSize, String detail, long entriesVerified,
                boolean derived) {
            this(problem, first, last, checkpointSize, detail, entriesVerified, derived, false);
        }

        Finding withAheadOfRow() {
            return new Finding(problem, first, last, checkpointSize, detail, entriesVerified, derived, true);
        }

        Finding withDetail(String newDetail) {
            return new Finding(problem, first, last, checkpointSize, newDetail, entriesVerified, derived, aheadOfRow);
        }
    }
}

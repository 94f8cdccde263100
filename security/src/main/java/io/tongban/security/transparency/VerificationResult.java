package io.tongban.security.transparency;

/**
 * What {@link LogVerifier} found: valid, or the first problem in log order with the entries it is
 * narrowed to.
 *
 * @param valid               no problem found
 * @param entriesVerified     entries that passed every check before the first problem (all, when valid)
 * @param checkpointsVerified checkpoints whose signature held and whose root the entries reproduced
 * @param treeSize            the size of the latest such checkpoint: the entries a signed root vouches for
 * @param firstBadIndex       the first entry index the problem concerns; null for problems of a checkpoint
 *                            alone (its signature, its timestamp)
 * @param problem             null when valid
 * @param detail              a sentence for people (indexes, sizes and hashes only, never entry content)
 * @param uncheckpointed      entries verified past {@code treeSize}: chained and in place, but not yet
 *                            under a signed root
 * @param lastBadIndex        the last entry index the problem may concern (equal to firstBadIndex when the
 *                            evidence points at one entry, more for a checkpoint mismatch)
 * @param checkpointSize      the size of the checkpoint the problem was found at, if any
 */
public record VerificationResult(boolean valid, long entriesVerified, int checkpointsVerified, long treeSize,
                                 Long firstBadIndex, Problem problem, String detail, long uncheckpointed,
                                 Long lastBadIndex, Long checkpointSize) {

    /** Kinds of problems, with stable codes for API problem responses. */
    public enum Problem {
        /** The entry's text no longer hashes to its stored leaf hash, or the next entry's "previous" disagrees. */
        CHANGED("log.entry_changed"),
        /** An entry is gone: a gap in the rows, an entry's "index" ahead of its row, or fewer entries than signed. */
        MISSING("log.entry_missing"),
        /** An entry's "index" lies behind its row: an entry was inserted before it. */
        INSERTED("log.entry_inserted"),
        /** Rows out of order: an entry's index is its neighbour's, rows repeat or run backwards. */
        OUT_OF_PLACE("log.entry_out_of_place"),
        /** The entries do not reproduce a signed root, or a checkpoint is not of this log. */
        CHECKPOINT_MISMATCH("log.checkpoint_mismatch"),
        CHECKPOINT_SIGNATURE_INVALID("log.checkpoint_signature_invalid"),
        TIMESTAMP_INVALID("log.timestamp_invalid"),
        /** Stored subtree hashes or a served consistency proof differ from the recomputation: proofs would be wrong. */
        PROOF_STORE_CORRUPT("log.proof_store_corrupt"),
        /** Not a UTF-8 JSON object with an integer "index" and a base64 "previous". */
        MALFORMED_ENTRY("log.malformed_entry"),
        /** An exported bundle that is not one (format, header, line syntax). */
        MALFORMED_BUNDLE("log.malformed_bundle");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}

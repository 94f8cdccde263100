package io.tongban.routes.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.tongban.security.transparency.Checkpoint;
import io.tongban.security.transparency.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/** The JSON shapes of the exchange-log API. Binary values travel base64. */
final class AuditViews {

    private AuditViews() {
    }

    /** An entry exactly as hashed (written verbatim, never re-serialised), with its leaf hash. */
    record EntryView(long index, String leafHash, @JsonRawValue String entry) {
        static EntryView of(StoredEntry stored, int hashLength) {
            return new EntryView(stored.index(), b64(java.util.Arrays.copyOf(stored.hashes(), hashLength)),
                    new String(stored.text(), StandardCharsets.UTF_8));
        }
    }

    record EntryPage(List<EntryView> entries, String next) {
    }

    record CheckpointView(String origin, long size, String rootHash, String hashAlgorithm, Instant time,
                          String signedText, String signature, String timestampToken, Instant timestampedAt) {
        static CheckpointView of(StoredCheckpoint stored) {
            Checkpoint checkpoint = stored.checkpoint();
            byte[] token = stored.signed().timestampToken();
            return new CheckpointView(checkpoint.origin(), checkpoint.size(), b64(checkpoint.rootHash()),
                    checkpoint.hash().algorithmName(), checkpoint.time(), checkpoint.signedText(),
                    b64(stored.signed().signature()), token == null ? null : b64(token),
                    token == null ? null : genTime(token));
        }
    }

    record CheckpointPage(List<CheckpointView> checkpoints, String next) {
    }

    record InclusionProofView(long index, long size, String leafHash, String rootHash, String hashAlgorithm,
                              List<String> proof) {
    }

    record ConsistencyProofView(long from, long to, String fromRoot, String toRoot, String hashAlgorithm,
                                List<String> proof) {
    }

    record VerificationView(boolean valid, long treeSize, long entriesVerified, int checkpointsVerified,
                            long uncheckpointed, Instant verifiedAt, Long firstBadIndex, Long lastBadIndex,
                            Long checkpointSize, String problem, String code, String detail) {
        static VerificationView of(VerificationResult result, Instant at) {
            return new VerificationView(result.valid(), result.treeSize(), result.entriesVerified(),
                    result.checkpointsVerified(), result.uncheckpointed(), at, result.firstBadIndex(),
                    result.lastBadIndex(), result.checkpointSize(),
                    result.problem() == null ? null : result.problem().name(),
                    result.problem() == null ? null : result.problem().code(), result.detail());
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(AuditViews::b64).toList();
    }

    /** The time the TSA vouches for, read from the token the bus itself stored. */
    private static Instant genTime(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant();
        } catch (Exception unreadable) {
            return null; // verification reports a broken token; the view shows none
        }
    }
}

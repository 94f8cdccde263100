package io.tongban.security.transparency;

import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint with the log's signature: a detached CMS SignedData over the UTF-8 bytes of
 * {@link Checkpoint#signedText()}, without an embedded timestamp; and, for some checkpoints, an RFC 3161
 * timestamp token (DER) whose imprint is over the signature bytes, which proves that the signature, and so
 * the tree head, existed at the token's time.
 *
 * @param timestampToken null when the checkpoint was not timestamped
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature, byte[] timestampToken) {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        signature = Objects.requireNonNull(signature, "signature").clone();
        timestampToken = timestampToken == null ? null : timestampToken.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] timestampToken() {
        return timestampToken == null ? null : timestampToken.clone();
    }

    public boolean timestamped() {
        return timestampToken != null;
    }

    /** The same signed checkpoint with a timestamp token over its signature. */
    public SignedCheckpoint withTimestamp(byte[] token) {
        return new SignedCheckpoint(checkpoint, signature, Objects.requireNonNull(token, "token"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && checkpoint.equals(that.checkpoint)
                && Arrays.equals(signature, that.signature) && Arrays.equals(timestampToken, that.timestampToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, Arrays.hashCode(signature), Arrays.hashCode(timestampToken));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", signature " + signature.length + " bytes, "
                + (timestampToken == null ? "no timestamp" : "timestamp " + timestampToken.length + " bytes") + "]";
    }
}

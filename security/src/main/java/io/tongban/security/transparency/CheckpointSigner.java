package io.tongban.security.transparency;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;

import java.nio.charset.StandardCharsets;

/**
 * Signs checkpoints as the log's own identity ({@link io.tongban.security.pki.Department#EXCHANGE_LOG}
 * in the demo PKI): a detached CMS signature over the signed text, without embedded timestamp, so that
 * signing every second costs no call to a TSA. {@link #timestamp} adds the separate token, for the
 * checkpoints that get one. Thread-safe.
 */
public final class CheckpointSigner {
    private final SignatureService signatures;
    private final String signerName;
    private final SignatureAlgorithm algorithm;

    public CheckpointSigner(SignatureService signatures, String signerName, SignatureAlgorithm algorithm) {
        this.signatures = signatures;
        this.signerName = signerName;
        this.algorithm = algorithm;
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        byte[] text = checkpoint.signedText().getBytes(StandardCharsets.UTF_8);
        return new SignedCheckpoint(checkpoint, signatures.signWithoutTimestamp(signerName, algorithm, text), null);
    }

    /** The checkpoint with an RFC 3161 token over its signature bytes, from the bus TSA or the external one. */
    public SignedCheckpoint timestamp(SignedCheckpoint signed) {
        return signed.withTimestamp(signatures.timestamp(algorithm, signed.signature()));
    }

    public SignedCheckpoint signAndTimestamp(Checkpoint checkpoint) {
        return timestamp(sign(checkpoint));
    }
}

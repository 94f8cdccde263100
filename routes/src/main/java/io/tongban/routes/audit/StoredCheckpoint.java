package io.tongban.routes.audit;

import io.tongban.security.transparency.Checkpoint;
import io.tongban.security.transparency.SignedCheckpoint;
import java.time.Instant;

/** A signed checkpoint as kept, with when it was signed. */
record StoredCheckpoint(SignedCheckpoint signed, Instant signedAt) {

    Checkpoint checkpoint() {
        return signed.checkpoint();
    }

    long size() {
        return signed.checkpoint().size();
    }
}

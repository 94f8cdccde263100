package io.tongban.mappings;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a canonical value came from: the line system, when it was fetched, and the digest
 * ("sha256:&lt;hex&gt;") of the raw department record it was mapped from.
 */
public record Provenance(String source, Instant retrievedAt, String digest) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
    }
}

package io.tongban.mappings;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a canonical value came from: the line system, when the bus received it, the digest
 * ("sha256:&lt;hex&gt;") of the bytes the department sent it in, and the time the value holds as
 * of. A value fetched in a full record is as of its retrieval; a value from a change feed is as of
 * the change's own time, which may lie before or after the bus received it.
 */
public record Provenance(String source, Instant retrievedAt, String digest, Instant asOf) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        Objects.requireNonNull(asOf, "asOf");
    }
}

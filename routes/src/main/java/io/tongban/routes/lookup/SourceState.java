package io.tongban.routes.lookup;

import java.time.Instant;

/**
 * How one source stands in an answer.
 *
 * @param retrievedAt when the data served from this source was fetched (null when none is served)
 */
public record SourceState(String source, Status status, Instant retrievedAt, String detail) {

    public enum Status {
        /** Fetched from the department during this request. */
        REFRESHED,
        /** Served from the shared base, still within its freshness window. */
        CACHED,
        /** The department does not hold the subject. */
        NOT_FOUND,
        /** The department did not answer; an older copy from the shared base is served. */
        STALE,
        /** The department did not answer and the base holds nothing from it. */
        UNAVAILABLE
    }

    public boolean unavailable() {
        return status == Status.STALE || status == Status.UNAVAILABLE;
    }
}

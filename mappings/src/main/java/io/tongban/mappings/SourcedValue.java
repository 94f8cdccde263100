package io.tongban.mappings;

import java.time.Instant;

/** One source's value for a field, as listed in a {@link Conflict}. */
public record SourcedValue(String source, Object value, Instant retrievedAt) {
}

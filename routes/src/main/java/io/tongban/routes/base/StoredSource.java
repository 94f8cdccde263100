package io.tongban.routes.base;

import io.tongban.mappings.SourceRecord;
import java.time.Instant;

/** What the shared base holds from one source about one subject: its record, or the source's word that it has none. */
public record StoredSource(String source, boolean found, Instant retrievedAt, SourceRecord record) {
}

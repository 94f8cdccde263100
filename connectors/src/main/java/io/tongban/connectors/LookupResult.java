package io.tongban.connectors;

import io.tongban.mappings.SourceRecord;

/**
 * What one department answered to a lookup. Connectors always answer with one of these, never an exception,
 * so that one department's failure cannot fail a merged lookup.
 */
public record LookupResult(String source, Status status, SourceRecord record, String detail) {

    public enum Status { FOUND, NOT_FOUND, UNAVAILABLE }

    public static LookupResult found(SourceRecord record) {
        return new LookupResult(record.source(), Status.FOUND, record, null);
    }

    public static LookupResult notFound(String source) {
        return new LookupResult(source, Status.NOT_FOUND, null, null);
    }

    public static LookupResult unavailable(String source, String detail) {
        return new LookupResult(source, Status.UNAVAILABLE, null, detail);
    }
}

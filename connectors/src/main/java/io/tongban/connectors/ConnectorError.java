package io.tongban.connectors;

/**
 * The stable error codes a connector reports, in one place: they reach the exchange log and the change-rejection
 * records, where auditors and department teams search by them.
 */
public enum ConnectorError {
    /** A change file's row that is not the described CSV (columns, quoting). */
    MALFORMED_ROW("feed.malformed_row"),
    /** A change event that is not the department's JSON event. */
    MALFORMED_EVENT("feed.malformed_event");

    private final String code;

    ConnectorError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.tongban.routes.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one exchange leaves in the log, before the writer gives it its place ({@code index}, {@code previous}).
 * Filled by whoever saw the exchange; unknown parts stay null and are left out of the entry.
 */
public final class ExchangeEntry {

    /** What kind of exchange an entry records. */
    public enum Kind {
        API("api"), DEPARTMENT_CALL("department-call"), CHANGE_FEED("change-feed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Map<String, Object> fields = new HashMap<>();
    private final Kind kind;
    private final Instant time;
    private final String outcome;

    public ExchangeEntry(Kind kind, Instant time, String correlationId, String operation, String outcome) {
        this.kind = kind;
        this.time = time;
        this.outcome = outcome;
        fields.put("kind", kind.code());
        fields.put("time", time.toString());
        put("correlationId", correlationId);
        put("operation", operation);
        fields.put("outcome", outcome);
    }

    public ExchangeEntry consumer(String consumer) {
        return put("consumer", consumer);
    }

    public ExchangeEntry actingUser(String actingUser) {
        return put("actingUser", actingUser);
    }

    /** The department that provided (or was asked for) the data. */
    public ExchangeEntry department(String department) {
        return put("department", department);
    }

    public ExchangeEntry subject(SubjectReference subject) {
        return subject == null ? this
                : put("subject", Map.of("type", subject.type(), "hash", subject.hash(), "masked", subject.masked()));
    }

    public ExchangeEntry purpose(String purpose, String caseReference) {
        put("purpose", purpose);
        return put("caseReference", caseReference);
    }

    public ExchangeEntry fields(List<String> returned, List<String> withheld) {
        put("fieldsReturned", returned);
        return put("fieldsWithheld", withheld);
    }

    public ExchangeEntry error(String errorCode) {
        return put("errorCode", errorCode);
    }

    public ExchangeEntry httpStatus(int status) {
        return put("httpStatus", status);
    }

    public ExchangeEntry latencyMs(long millis) {
        return put("latencyMs", millis);
    }

    public ExchangeEntry digests(String request, String response) {
        put("requestDigest", request);
        return put("responseDigest", response);
    }

    public Kind kind() {
        return kind;
    }

    public Instant time() {
        return time;
    }

    public String outcome() {
        return outcome;
    }

    /** A field as set, for the search columns the writer fills beside the entry text. */
    Object get(String name) {
        return fields.get(name);
    }

    /** The canonical text of the entry, short of its place in the log (index and previous). */
    EntryText text() {
        return EntryText.of(fields);
    }

    private ExchangeEntry put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }
}

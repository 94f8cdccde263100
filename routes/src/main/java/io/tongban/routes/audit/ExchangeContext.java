package io.tongban.routes.audit;

import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bus learns about one API exchange while it serves it: who asked, about whom, why, what left and what the
 * departments behind it answered. Bound to the serving thread by {@link ExchangeLogFilter}, which turns it into
 * entries once the answer is ready; controllers and services only add what they know.
 */
public final class ExchangeContext {

    private static final ThreadLocal<ExchangeContext> CURRENT = new ThreadLocal<>();

    /** Hands the exchange's entries to the log before a streamed answer begins; see {@link #streamAfterRecording}. */
    interface EarlyRecorder {
        OutputStream recordAndOpen() throws IOException;
    }

    private final String correlationId;
    private final Instant start;
    private final SubjectHasher hasher;
    private String consumer;
    private final String actingUser;
    private final String purpose;
    private final String caseReference;
    private final List<ExchangeEntry> departmentCalls = new ArrayList<>();
    private SubjectReference subject;
    private List<String> fieldsReturned;
    private List<String> fieldsWithheld;
    private String errorCode;
    private boolean degraded;
    private EarlyRecorder earlyRecorder;
    private boolean recorded;

    ExchangeContext(String correlationId, Instant start, SubjectHasher hasher, String actingUser, String purpose,
                    String caseReference) {
        this.correlationId = correlationId;
        this.start = start;
        this.hasher = hasher;
        this.actingUser = actingUser;
        this.purpose = purpose;
        this.caseReference = caseReference;
    }

    public static Optional<ExchangeContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(ExchangeContext context) {
        CURRENT.set(context);
    }

    static void unbind() {
        CURRENT.remove();
    }

    /** The authenticated consumer that asked (its token's subject or its certificate's registered name). */
    public void consumer(String name) {
        consumer = name;
    }

    /** The exchange is about this subject (canonical identifier). */
    public void subject(SubjectType type, String identifier) {
        subject = hasher.reference(type, identifier);
    }

    public void fields(List<String> returned, List<String> withheld) {
        fieldsReturned = List.copyOf(returned);
        fieldsWithheld = List.copyOf(withheld);
    }

    /** The answer was served with a department missing. */
    public void degraded() {
        degraded = true;
    }

    public void error(String code) {
        errorCode = code;
    }

    /** A department call made on behalf of this exchange; it shares the exchange's correlation id and purpose. */
    public ExchangeEntry departmentCall(String department, String operation, String outcome) {
        ExchangeEntry call = describe(new ExchangeEntry(ExchangeEntry.Kind.DEPARTMENT_CALL, Instant.now(),
                correlationId, operation, outcome)).department(department);
        departmentCalls.add(call);
        return call;
    }

    /**
     * For answers streamed as they are read (exports): the exchange's entries are made durable now, before the first
     * byte leaves, and the answer is written straight to the client rather than held for a digest.
     */
    public OutputStream streamAfterRecording() throws IOException {
        recorded = true;
        return earlyRecorder.recordAndOpen();
    }

    void earlyRecorder(EarlyRecorder recorder) {
        earlyRecorder = recorder;
    }

    boolean recorded() {
        return recorded;
    }

    /** The exchange's correlation id, also for work it starts that outlives it (a submission's department calls). */
    public String correlationId() {
        return correlationId;
    }

    Instant start() {
        return start;
    }

    /** The entries of this exchange: the API call first, then the department calls behind it. */
    List<ExchangeEntry> entries(String operation, int status, long latencyMs, String requestDigest, String responseDigest) {
        ExchangeEntry api = describe(new ExchangeEntry(ExchangeEntry.Kind.API, start, correlationId, operation,
                outcomeOf(status)))
                .error(errorCode)
                .httpStatus(status)
                .latencyMs(latencyMs)
                .digests(requestDigest, responseDigest);
        List<ExchangeEntry> entries = new ArrayList<>(departmentCalls.size() + 1);
        entries.add(api);
        entries.addAll(departmentCalls);
        return entries;
    }

    private ExchangeEntry describe(ExchangeEntry entry) {
        return entry.consumer(consumer).actingUser(actingUser).subject(subject).purpose(purpose, caseReference)
                .fields(fieldsReturned, fieldsWithheld);
    }

    private String outcomeOf(int status) {
        if (status < 400) {
            return degraded ? "DEGRADED" : "OK";
        }
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 503 -> "UNAVAILABLE";
            default -> status < 500 ? "REFUSED" : "FAILED";
        };
    }
}

package io.tongban.routes.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The exchange-log entries of a submission's department calls, made long after the intake request that caused them:
 * each delivery attempt and each decision received leaves one, under the intake's correlation id, with the matter as
 * purpose and the submission as case, so that an auditor follows a case from the window to every department.
 */
@Component
public class SubmissionEntries {

    private final ExchangeLog log;

    SubmissionEntries(ExchangeLog log) {
        this.log = log;
    }

    /** @param outcome DELIVERED or FAILED (with the error code) */
    public void delivery(String department, String submission, String matter, SubjectReference applicant,
                         String correlationId, String outcome, long latencyMs, String errorCode) {
        log.record(entry(department, "submission-delivery", outcome, submission, matter, applicant, correlationId)
                .latencyMs(latencyMs)
                .error(errorCode));
    }

    /**
     * The entry of a decision received, recorded with the others of its page by {@link #record}.
     *
     * @param outcome APPROVED or REJECTED, or ALREADY_DECIDED for a decision received again
     */
    public ExchangeEntry decision(String department, String submission, String matter, SubjectReference applicant,
                                  String correlationId, String outcome) {
        return entry(department, "submission-decision", outcome, submission, matter, applicant, correlationId);
    }

    /** Records entries in one durable append: a page of decisions waits for the log once, not once per decision. */
    public void record(List<ExchangeEntry> entries) {
        log.record(entries);
    }

    private static ExchangeEntry entry(String department, String operation, String outcome, String submission,
                                       String matter, SubjectReference applicant, String correlationId) {
        return new ExchangeEntry(ExchangeEntry.Kind.DEPARTMENT_CALL, Instant.now(), correlationId, operation, outcome)
                .department(department)
                .subject(applicant)
                .purpose(matter, submission);
    }
}

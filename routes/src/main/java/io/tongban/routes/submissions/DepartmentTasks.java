package io.tongban.routes.submissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.routes.audit.SubjectReference;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The state of each department's task, moved only forward by guarded updates: QUEUED, DELIVERED, then APPROVED or
 * REJECTED (or DEAD_LETTER when delivery was given up). A decision applies once: the same decision again, from a
 * redelivery or from a second bus node reading the same feed, finds the task decided and changes nothing. The last
 * decision of a submission completes it.
 */
class DepartmentTasks {

    /** What the exchange log says of a submission's department calls: its matter, whose it is, its correlation id. */
    record Owner(String matter, SubjectReference applicant, String correlationId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    DepartmentTasks(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Optional<Owner> owner(String submission) {
        return jdbc.query("SELECT matter, applicant_type, applicant_hash, applicant_masked, correlation_id"
                        + " FROM submission WHERE id = ?", (row, n) -> new Owner(row.getString(1),
                        new SubjectReference(row.getString(2), row.getString(3), row.getString(4)), row.getString(5)),
                submission).stream().findFirst();
    }

    /** The submission as it was put on the department's queue. */
    Optional<SubmissionDelivery> delivery(String submission, String department) {
        return jdbc.queryForList("SELECT payload FROM submission_outbox WHERE submission_id = ? AND department = ?",
                String.class, submission, department).stream().findFirst().map(payload -> {
                    try {
                        return json.readValue(payload, SubmissionDelivery.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a stored outbox message cannot be read", e);
                    }
                });
    }

    /** The department took the submission; a task already further along stays where it is. */
    void delivered(String submission, String department, String receipt) {
        jdbc.update("UPDATE department_task SET status = 'DELIVERED', receipt = ?, delivered_at = ?"
                        + " WHERE submission_id = ? AND department = ? AND status IN ('QUEUED', 'DEAD_LETTER')",
                receipt, now(), submission, department);
    }

    /** Delivery was given up after the configured attempts; a delivered or decided task is not set back. */
    void deadLettered(String submission, String department) {
        jdbc.update("UPDATE department_task SET status = 'DEAD_LETTER', dead_lettered_at = ?"
                + " WHERE submission_id = ? AND department = ? AND status = 'QUEUED'", now(), submission, department);
    }

    /**
     * Applies a decision, in the caller's transaction if there is one; the caller advances the department's feed
     * position in that transaction after its last decision ({@link #advance}).
     *
     * @return whether it changed anything (false: already decided, or a submission the bus does not hold)
     */
    boolean decide(DepartmentDecision decision) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // the submission's row lock orders the decisions of its departments, so that exactly one of them
            // sees every task decided and completes the submission
            List<String> held = jdbc.queryForList("SELECT status FROM submission WHERE id = ? FOR UPDATE", String.class,
                    decision.submission());
            boolean applied = !held.isEmpty() && jdbc.update("UPDATE department_task SET status = ?, receipt ="
                            + " COALESCE(receipt, ?), delivered_at = COALESCE(delivered_at, ?), decided_at = ?,"
                            + " reasons_json = ?, results_json = ? WHERE submission_id = ? AND department = ?"
                            + " AND status IN ('QUEUED', 'DELIVERED', 'DEAD_LETTER')",
                    decision.outcome().name(), decision.receipt(), Timestamp.from(decision.decidedAt()),
                    Timestamp.from(decision.decidedAt()), write(decision.reasons()), write(decision.results()),
                    decision.submission(), decision.source()) == 1;
            if (applied) {
                completeIfDecided(decision.submission());
            }
            return applied;
        }));
    }

    /** Gives each department with a decision feed its position row, once; advancing it is then an update alone. */
    void placePositions(List<String> departments) {
        for (String department : departments) {
            if (jdbc.queryForList("SELECT position FROM decision_position WHERE department = ?", Long.class, department)
                    .isEmpty()) {
                try {
                    jdbc.update("INSERT INTO decision_position (department, position) VALUES (?, 0)", department);
                } catch (DuplicateKeyException e) {
                    // another node placed it at the same moment
                }
            }
        }
    }

    /** The position of the last decision applied from the department's feed; 0 before the first. */
    long position(String department) {
        return jdbc.queryForList("SELECT position FROM decision_position WHERE department = ?", Long.class, department)
                .stream().findFirst().orElse(0L);
    }

    /** Whether any of the department's tasks can still take a decision (those {@link #decide} would change). */
    boolean awaitsDecision(String department) {
        return !jdbc.queryForList("SELECT 1 FROM department_task WHERE status IN ('QUEUED', 'DELIVERED', 'DEAD_LETTER')"
                + " AND department = ? FETCH FIRST 1 ROW ONLY", Integer.class, department).isEmpty();
    }

    private void completeIfDecided(String submission) {
        List<String> statuses = jdbc.queryForList("SELECT status FROM department_task WHERE submission_id = ?",
                String.class, submission);
        if (statuses.stream().allMatch(s -> s.equals("APPROVED") || s.equals("REJECTED"))) {
            jdbc.update("UPDATE submission SET status = ?, completed_at = ? WHERE id = ? AND status = 'ACCEPTED'",
                    statuses.contains("REJECTED") ? "REJECTED" : "APPROVED", now(), submission);
        }
    }

    /**
     * Moves the department's feed position forward to {@code position}. Taken last in a transaction, after the
     * submissions' rows, so that two nodes applying overlapping pages of one feed never wait for each other in a
     * circle.
     */
    void advance(String department, long position) {
        jdbc.update("UPDATE decision_position SET position = ? WHERE department = ? AND position < ?",
                position, department, position);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision's JSON", e);
        }
    }
}

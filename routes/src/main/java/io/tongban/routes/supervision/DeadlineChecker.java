package io.tongban.routes.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the deadline check (超时问效): each open task is reminded once when the configured share of its working
 * time has passed, and marked overdue once when its promise has, unless its clock stands still because the applicant
 * still owes a material. Every bus node runs the check; a mark is a guarded update that only the first node to make
 * it gets a row from, and that node alone writes the event, in the same transaction.
 */
final class DeadlineChecker {

    /** What one pass raised. */
    record Pass(int reminders, int overdue) {
    }

    private record OpenTask(String submission, String department, LocalDate promisedBy, int pausedWorkingDays,
                            Instant acceptedAt, boolean reminded, boolean overdue) {
    }

    static final String OPEN = "('QUEUED', 'DELIVERED', 'DEAD_LETTER')";
    static final String NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM submission_material m"
            + " WHERE m.submission_id = t.submission_id AND m.satisfied_by = 'PENDING')";

    // promised_by in the guard: a promise moved since the task was read (its clock resumed) is judged again next pass
    private static final String REMIND = "UPDATE department_task SET reminded_at = ? WHERE submission_id = ?"
            + " AND department = ? AND promised_by = ? AND reminded_at IS NULL AND status IN " + OPEN;
    private static final String MARK_OVERDUE = "UPDATE department_task SET overdue_at = ? WHERE submission_id = ?"
            + " AND department = ? AND promised_by = ? AND overdue_at IS NULL AND status IN " + OPEN;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WorkingCalendar calendar;
    private final SupervisionEvents events;
    private final double reminderShare;

    DeadlineChecker(JdbcTemplate jdbc, TransactionTemplate transactions, WorkingCalendar calendar,
                    SupervisionEvents events, double reminderShare) {
        if (!(reminderShare > 0 && reminderShare <= 1)) {
            throw new IllegalArgumentException("bus.supervision.reminder-share is a share of the time, above 0 and at"
                    + " most 1: " + reminderShare);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calendar = calendar;
        this.events = events;
        this.reminderShare = reminderShare;
    }

    Pass check(Instant now) {
        List<OpenTask> tasks = jdbc.query("SELECT t.submission_id, t.department, t.promised_by, t.paused_working_days,"
                        + " s.accepted_at, t.reminded_at, t.overdue_at FROM department_task t"
                        + " JOIN submission s ON s.id = t.submission_id WHERE t.status IN " + OPEN
                        + " AND (t.reminded_at IS NULL OR t.overdue_at IS NULL) AND " + NOT_PAUSED,
                (row, n) -> new OpenTask(row.getString(1), row.getString(2), row.getDate(3).toLocalDate(),
                        row.getInt(4), row.getTimestamp(5).toInstant(), row.getTimestamp(6) != null,
                        row.getTimestamp(7) != null));
        int reminders = 0;
        int overdue = 0;
        for (OpenTask task : tasks) {
            Instant deadline = calendar.endOf(task.promisedBy());
            if (!task.reminded() && reminderDue(task, deadline, now)
                    && mark(REMIND, task, SupervisionEvents.REMINDER, now)) {
                reminders++;
            }
            if (!task.overdue() && !now.isBefore(deadline) && mark(MARK_OVERDUE, task, SupervisionEvents.OVERDUE, now)) {
                overdue++;
            }
        }
        return new Pass(reminders, overdue);
    }

    /** Whether the share of the task's working time has passed, not counting the working days its clock stood still. */
    private boolean reminderDue(OpenTask task, Instant deadline, Instant now) {
        Duration paused = Duration.ofDays(task.pausedWorkingDays());
        Duration allowed = calendar.workingTime(task.acceptedAt(), deadline).minus(paused);
        Duration used = calendar.workingTime(task.acceptedAt(), now).minus(paused);
        return used.toMillis() >= reminderShare * allowed.toMillis();
    }

    private boolean mark(String guardedUpdate, OpenTask task, String event, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean marked = jdbc.update(guardedUpdate, Timestamp.from(now), task.submission(), task.department(),
                    Date.valueOf(task.promisedBy())) == 1;
            if (marked) {
                events.record(task.submission(), task.department(), event, now, "promised by " + task.promisedBy());
            }
            return marked;
        }));
    }
}

package io.tongban.routes.supervision;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The time an applicant owes a material is not counted (行政许可法: 申请人补正材料的时间不计算在期限内): a submission
 * accepted with materials pending (容缺受理) has its tasks' clocks standing still from acceptance until the last of
 * them comes. Then each open task's promise, and the submission's, move later by the working days that passed, and
 * the pause is put on record (PAUSED at acceptance, RESUMED now) in the one transaction that ends it: nothing else
 * writes either, so there is no second writer to race with while the pause lasts.
 */
@Component
public class PausedClocks {

    /**
     * @param workingDays how many working days the clocks stood still; the promises moved later by as many
     * @param departments the open tasks' new promises
     */
    public record Resumed(int workingDays, LocalDate promisedBy, Map<String, LocalDate> departments) {
    }

    private final JdbcTemplate jdbc;
    private final WorkingCalendar calendar;
    private final SupervisionEvents events;

    PausedClocks(JdbcTemplate jdbc, WorkingCalendar calendar, SupervisionEvents events) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * Restarts the clocks of a submission whose owed materials have all come. To be called in the transaction that
     * took the last of them, holding the submission's row lock, so that it runs once per submission.
     *
     * @param owed the codes of the materials that were owed, for the record
     */
    public Resumed resume(String submission, List<String> owed, Instant now) {
        Held held = jdbc.queryForObject("SELECT accepted_at, promised_by FROM submission WHERE id = ?",
                (row, n) -> new Held(row.getTimestamp(1).toInstant(), row.getDate(2).toLocalDate()), submission);
        // the promise counts from the day after acceptance: a material that came the same day stopped no working day
        int stood = calendar.workingDaysAfter(calendar.dayOf(held.acceptedAt()), calendar.dayOf(now));
        Map<String, LocalDate> open = new LinkedHashMap<>();
        jdbc.query("SELECT department, promised_by FROM department_task WHERE submission_id = ? AND status IN "
                + DeadlineChecker.OPEN + " ORDER BY department",
                row -> { open.put(row.getString(1), row.getDate(2).toLocalDate()); }, submission);
        Map<String, LocalDate> moved = new LinkedHashMap<>();
        open.forEach((department, by) -> {
            LocalDate later = calendar.plusWorkingDays(by, stood);
            // a task decided meanwhile keeps its promise and gets no events: its clock stopped with the decision
            if (jdbc.update("UPDATE department_task SET promised_by = ?, paused_working_days = ? WHERE submission_id = ?"
                            + " AND department = ? AND status IN " + DeadlineChecker.OPEN, Date.valueOf(later), stood,
                    submission, department) == 1) {
                events.record(submission, department, SupervisionEvents.PAUSED, held.acceptedAt(),
                        "owed: " + String.join(", ", owed));
                events.record(submission, department, SupervisionEvents.RESUMED, now,
                        stood + " working day(s) not counted; promised by " + later);
                moved.put(department, later);
            }
        });
        LocalDate promisedBy = calendar.plusWorkingDays(held.promisedBy(), stood);
        jdbc.update("UPDATE submission SET promised_by = ? WHERE id = ?", Date.valueOf(promisedBy), submission);
        return new Resumed(stood, promisedBy, moved);
    }

    private record Held(Instant acceptedAt, LocalDate promisedBy) {
    }
}

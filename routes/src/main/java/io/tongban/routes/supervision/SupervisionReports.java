package io.tongban.routes.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What supervisors read: the tasks past their promise, and each department's record. Both are judged from the tasks
 * themselves as of the day asked for, so that they agree with the data whether or not the deadline check has run yet.
 */
@Repository
class SupervisionReports {

    private final JdbcTemplate jdbc;
    private final WorkingCalendar calendar;

    SupervisionReports(JdbcTemplate jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** @param department only this department's tasks, or every department's when null */
    OverdueTasks overdue(LocalDate today, String department, int limit) {
        List<Object> arguments = new ArrayList<>(List.of(Date.valueOf(today)));
        if (department != null) {
            arguments.add(department);
        }
        arguments.add(limit);
        List<OverdueTasks.Task> tasks = jdbc.query("SELECT t.submission_id, s.matter, t.department, t.promised_by"
                        + " FROM department_task t JOIN submission s ON s.id = t.submission_id"
                        + " WHERE t.status IN " + DeadlineChecker.OPEN + " AND t.promised_by < ? AND "
                        + DeadlineChecker.NOT_PAUSED + (department == null ? "" : " AND t.department = ?")
                        + " ORDER BY t.promised_by, t.submission_id, t.department FETCH FIRST ? ROWS ONLY",
                (row, n) -> {
                    LocalDate promisedBy = row.getDate(4).toLocalDate();
                    return new OverdueTasks.Task(row.getString(1), row.getString(2), row.getString(3), promisedBy,
                            calendar.endOf(promisedBy), calendar.workingDaysAfter(promisedBy, today));
                }, arguments.toArray());
        return new OverdueTasks(today, tasks);
    }

    /** Every department's figures, read in one pass over the tasks (the average needs the calendar, not SQL). */
    SupervisionStatistics statistics(LocalDate today) {
        Map<String, Tally> tallies = new TreeMap<>();
        jdbc.query("SELECT t.department, t.status, t.promised_by, t.decided_at, t.reminded_at, t.paused_working_days,"
                + " s.accepted_at, CASE WHEN " + DeadlineChecker.NOT_PAUSED + " THEN 0 ELSE 1 END"
                + " FROM department_task t JOIN submission s ON s.id = t.submission_id", row -> {
            Tally tally = tallies.computeIfAbsent(row.getString(1), department -> new Tally());
            String status = row.getString(2);
            LocalDate promisedBy = row.getDate(3).toLocalDate();
            Timestamp decidedAt = row.getTimestamp(4);
            tally.tasks++;
            if (row.getTimestamp(5) != null) {
                tally.reminders++;
            }
            if (status.equals("APPROVED") || status.equals("REJECTED")) {
                Instant decided = decidedAt.toInstant();
                if (decided.isBefore(calendar.endOf(promisedBy))) {
                    tally.onTime++;
                } else {
                    tally.late++;
                }
                tally.workingDaysToDecide += Math.max(0, calendar.workingDaysAfter(
                        calendar.dayOf(row.getTimestamp(7).toInstant()), calendar.dayOf(decided)) - row.getInt(6));
            } else {
                tally.open++;
                if (promisedBy.isBefore(today) && row.getInt(8) == 0) {
                    tally.openOverdue++;
                }
            }
        });
        List<SupervisionStatistics.Department> departments = new ArrayList<>();
        tallies.forEach((department, tally) -> departments.add(tally.of(department)));
        return new SupervisionStatistics(today, departments);
    }

    private static final class Tally {
        long tasks;
        long open;
        long onTime;
        long late;
        long openOverdue;
        long reminders;
        long workingDaysToDecide;

        SupervisionStatistics.Department of(String department) {
            long decided = onTime + late;
            Double average = decided == 0 ? null : Math.round(10.0 * workingDaysToDecide / decided) / 10.0;
            return new SupervisionStatistics.Department(department, tasks, open, onTime, late, openOverdue, reminders,
                    average);
        }
    }
}

package io.tongban.routes.submissions;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads submissions back, with their tasks, materials and what happened to them. */
@Repository
class SubmissionRepository {

    private final JdbcTemplate jdbc;

    SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The submission with this id, if the consumer asking is the one that submitted it. */
    Optional<SubmissionStatus> find(String id, String consumer) {
        return jdbc.query("SELECT id, matter, status, case_reference, accepted_at, promised_by FROM submission"
                        + " WHERE id = ? AND consumer = ?",
                (row, n) -> {
                    var tasks = jdbc.query("SELECT department, status, promised_by FROM department_task"
                                    + " WHERE submission_id = ? ORDER BY department",
                            (t, m) -> new SubmissionStatus.DepartmentTask(t.getString(1), t.getString(2),
                                    t.getDate(3).toLocalDate()), id);
                    var materials = jdbc.query("SELECT code, satisfied_by, material_id, department, pending_until"
                                    + " FROM submission_material WHERE submission_id = ? ORDER BY code",
                            (t, m) -> new SubmissionStatus.MaterialState(t.getString(1), t.getString(2), t.getString(3),
                                    t.getString(4), localDate(t.getDate(5))), id);
                    List<SubmissionStatus.Event> timeline = new ArrayList<>();
                    timeline.add(new SubmissionStatus.Event(row.getTimestamp("accepted_at").toInstant(), "ACCEPTED", null));
                    jdbc.query("SELECT department, sent_at FROM submission_outbox WHERE submission_id = ?"
                            + " AND sent_at IS NOT NULL", (t, m) -> timeline.add(new SubmissionStatus.Event(
                                    t.getTimestamp(2).toInstant(), "QUEUED_FOR_DEPARTMENT", t.getString(1))), id);
                    timeline.sort(Comparator.comparing(SubmissionStatus.Event::at));
                    return new SubmissionStatus(row.getString("id"), row.getString("matter"), row.getString("status"),
                            row.getString("case_reference"), row.getTimestamp("accepted_at").toInstant(),
                            row.getDate("promised_by").toLocalDate(), tasks, materials, timeline);
                }, id, consumer).stream().findFirst();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

package io.tongban.routes.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The supervision events of submissions' tasks. Each is written by whoever made the guarded update that caused it, in
 * that update's transaction, so that an event is on record exactly when its mark is.
 */
@Repository
public class SupervisionEvents {

    static final String REMINDER = "REMINDER";
    static final String OVERDUE = "OVERDUE";
    static final String PAUSED = "PAUSED";
    static final String RESUMED = "RESUMED";

    private final JdbcTemplate jdbc;

    SupervisionEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A submission's supervision events, oldest first. */
    public List<SupervisionEvent> events(String submissionId) {
        return jdbc.query("SELECT at, event, department FROM supervision_event WHERE submission_id = ? ORDER BY at, id",
                (row, n) -> new SupervisionEvent(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3)),
                submissionId);
    }

    void record(String submissionId, String department, String event, Instant at, String detail) {
        jdbc.update("INSERT INTO supervision_event (submission_id, department, event, at, detail) VALUES (?, ?, ?, ?, ?)",
                submissionId, department, event, Timestamp.from(at), detail);
    }
}

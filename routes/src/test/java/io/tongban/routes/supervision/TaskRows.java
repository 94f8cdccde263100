package io.tongban.routes.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Submissions and their tasks written straight into the database, as intake and the departments leave them. */
final class TaskRows {

    static final String PLATFORM = "one-window-platform";
    private final JdbcTemplate jdbc;

    TaskRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A submission of the demo platform, accepted at {@code acceptedAt} and promised by {@code promisedBy}. */
    String submission(Instant acceptedAt, LocalDate promisedBy) {
        return submission(acceptedAt, promisedBy, PLATFORM, "0".repeat(64));
    }

    String submission(Instant acceptedAt, LocalDate promisedBy, String consumer, String applicantHash) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO submission (id, matter, applicant_type, applicant_hash, consumer, form_json, status,"
                        + " accepted_at, promised_by) VALUES (?, 'company-establishment', 'PERSON', ?, ?, '{}', 'ACCEPTED', ?, ?)",
                id, applicantHash, consumer, Timestamp.from(acceptedAt), Date.valueOf(promisedBy));
        return id;
    }

    /** An open task, queued for its department. */
    void task(String submission, String department, LocalDate promisedBy) {
        jdbc.update("INSERT INTO department_task (submission_id, department, status, promised_by) VALUES (?, ?, 'QUEUED', ?)",
                submission, department, Date.valueOf(promisedBy));
    }

    void decided(String submission, String department, String outcome, LocalDate promisedBy, Instant decidedAt) {
        jdbc.update("INSERT INTO department_task (submission_id, department, status, promised_by, decided_at)"
                + " VALUES (?, ?, ?, ?, ?)", submission, department, outcome, Date.valueOf(promisedBy),
                Timestamp.from(decidedAt));
    }

    /** A material accepted pending (容缺), owed until {@code until}. */
    void pending(String submission, String code, LocalDate until) {
        jdbc.update("INSERT INTO submission_material (submission_id, code, satisfied_by, pending_until)"
                + " VALUES (?, ?, 'PENDING', ?)", submission, code, Date.valueOf(until));
    }

    long events(String submission, String department, String event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM supervision_event WHERE submission_id = ? AND department = ?"
                + " AND event = ?", Long.class, submission, department, event);
    }
}

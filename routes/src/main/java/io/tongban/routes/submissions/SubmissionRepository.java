package io.tongban.routes.submissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.routes.licences.LicenceIssuer;
import io.tongban.routes.supervision.SupervisionEvents;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads submissions back, with their tasks, materials and what happened to them. */
@Repository
class SubmissionRepository {

    private static final TypeReference<List<DepartmentDecision.Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> RESULTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LicenceIssuer issuer;
    private final SupervisionEvents supervision;

    SubmissionRepository(JdbcTemplate jdbc, ObjectMapper json, LicenceIssuer issuer, SupervisionEvents supervision) {
        this.jdbc = jdbc;
        this.json = json;
        this.issuer = issuer;
        this.supervision = supervision;
    }

    /** The submission with this id, if the consumer asking is the one that submitted it. */
    Optional<SubmissionStatus> find(String id, String consumer) {
        return jdbc.query("SELECT id, matter, status, case_reference, accepted_at, promised_by, completed_at"
                + " FROM submission WHERE id = ? AND consumer = ?", (row, n) -> {
                    List<SubmissionStatus.DepartmentTask> tasks = jdbc.query("SELECT department, status, promised_by,"
                            + " receipt, delivered_at, decided_at, reasons_json, results_json FROM department_task"
                            + " WHERE submission_id = ? ORDER BY department", (t, m) -> task(t), id);
                    var materials = jdbc.query("SELECT code, satisfied_by, material_id, licence_id, origin, department,"
                                    + " pending_until FROM submission_material WHERE submission_id = ? ORDER BY code",
                            (t, m) -> new SubmissionStatus.MaterialState(t.getString(1), t.getString(2), t.getString(3),
                                    t.getString(4), t.getString(5), t.getString(6), localDate(t.getDate(7))), id);
                    List<LicenceIssuer.Issued> licences = issuer.issuedFor(id);
                    Instant completedAt = instant(row.getTimestamp("completed_at"));
                    return new SubmissionStatus(row.getString("id"), row.getString("matter"), row.getString("status"),
                            row.getString("case_reference"), row.getTimestamp("accepted_at").toInstant(),
                            row.getDate("promised_by").toLocalDate(), completedAt, tasks, rejections(tasks), materials,
                            licences, timeline(id, row.getTimestamp("accepted_at").toInstant(), completedAt,
                                    row.getString("status"), tasks, licences));
                }, id, consumer).stream().findFirst();
    }

    private SubmissionStatus.DepartmentTask task(ResultSet row) throws SQLException {
        return new SubmissionStatus.DepartmentTask(row.getString(1), row.getString(2), row.getDate(3).toLocalDate(),
                row.getString(4), instant(row.getTimestamp(5)), instant(row.getTimestamp(6)),
                read(row.getString(7), REASONS, List.of()), read(row.getString(8), RESULTS, Map.of()));
    }

    private static List<SubmissionStatus.Rejection> rejections(List<SubmissionStatus.DepartmentTask> tasks) {
        return tasks.stream().filter(task -> task.status().equals("REJECTED"))
                .flatMap(task -> task.reasons().stream().map(reason -> new SubmissionStatus.Rejection(task.department(),
                        reason.code(), reason.text(), reason.legalBasis())))
                .toList();
    }

    private List<SubmissionStatus.Event> timeline(String id, Instant acceptedAt, Instant completedAt, String status,
                                                  List<SubmissionStatus.DepartmentTask> tasks,
                                                  List<LicenceIssuer.Issued> licences) {
        List<SubmissionStatus.Event> timeline = new ArrayList<>();
        timeline.add(new SubmissionStatus.Event(acceptedAt, "ACCEPTED", null));
        jdbc.query("SELECT department, sent_at FROM submission_outbox WHERE submission_id = ? AND sent_at IS NOT NULL",
                (t, m) -> timeline.add(new SubmissionStatus.Event(t.getTimestamp(2).toInstant(),
                        "QUEUED_FOR_DEPARTMENT", t.getString(1))), id);
        jdbc.query("SELECT department, dead_lettered_at FROM department_task WHERE submission_id = ?"
                + " AND dead_lettered_at IS NOT NULL", (t, m) -> timeline.add(new SubmissionStatus.Event(
                        t.getTimestamp(2).toInstant(), "DEAD_LETTER", t.getString(1))), id);
        for (SubmissionStatus.DepartmentTask task : tasks) {
            if (task.deliveredAt() != null) {
                timeline.add(new SubmissionStatus.Event(task.deliveredAt(), "DELIVERED_TO_DEPARTMENT", task.department()));
            }
            if (task.decidedAt() != null) {
                timeline.add(new SubmissionStatus.Event(task.decidedAt(), task.status(), task.department()));
            }
        }
        supervision.events(id).forEach(event -> timeline.add(new SubmissionStatus.Event(event.at(), event.event(),
                event.department())));
        licences.forEach(licence -> timeline.add(new SubmissionStatus.Event(licence.issuedAt(), "LICENCE_ISSUED",
                licence.issuedBy())));
        if (completedAt != null) {
            timeline.add(new SubmissionStatus.Event(completedAt, "COMPLETED_" + status, null));
        }
        timeline.sort(Comparator.comparing(SubmissionStatus.Event::at));
        return timeline;
    }

    private <T> T read(String text, TypeReference<T> type, T none) {
        if (text == null) {
            return none;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

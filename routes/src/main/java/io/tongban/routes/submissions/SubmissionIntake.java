package io.tongban.routes.submissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.audit.SubjectReference;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.supervision.WorkingCalendar;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake (受理): an application missing anything is refused once with everything it misses (一次性告知); a complete
 * one is committed in one transaction with one task and one outbox message per responsible department, and with
 * the answer its Idempotency-Key replays, so that what the platform was told and what the bus holds never part.
 */
class SubmissionIntake {

    private final ApplicationPlanner planner;
    private final IdempotencyKeys keys;
    private final SubjectHasher hasher;
    private final WorkingCalendar calendar;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    SubmissionIntake(ApplicationPlanner planner, IdempotencyKeys keys, SubjectHasher hasher, WorkingCalendar calendar,
                     JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.planner = planner;
        this.keys = keys;
        this.hasher = hasher;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** The accepted submission's answer (JSON), committed together with the key's record of it. */
    String accept(SubmissionRequest request, String consumer, String key) {
        SubmissionPreview plan = planner.plan(request.matter(), request.applicant(), request.declineReuse(),
                request.materials());
        List<String> uncommitted = plan.pending().stream().filter(code -> !request.commitments().contains(code)).toList();
        if (!plan.missing().isEmpty() || !uncommitted.isEmpty()) {
            throw incomplete(plan, uncommitted);
        }
        Matter matter = planner.matter(request.matter());
        LocalDate today = plan.promise().ifAcceptedOn();
        Map<String, LocalDate> pending = new LinkedHashMap<>();
        for (Matter.RequiredMaterial material : matter.materials()) {
            if (plan.pending().contains(material.code())) {
                pending.put(material.code(), calendar.promisedBy(today, material.pendingWorkingDays()));
            }
        }
        SubmissionAccepted accepted = new SubmissionAccepted(UUID.randomUUID().toString(), matter.code(), "ACCEPTED",
                plan.materials(), pending, plan.promise().departments(), plan.promise().completeBy());
        String answer = write(accepted);
        Holder applicant = Holder.of(request.applicant());
        transactions.executeWithoutResult(status -> {
            store(accepted, request, applicant, consumer, clock.instant());
            keys.complete(consumer, key, 202, answer);
        });
        return answer;
    }

    private void store(SubmissionAccepted accepted, SubmissionRequest request, Holder applicant, String consumer,
                       Instant now) {
        SubjectReference subject = hasher.reference(applicant.type(), applicant.identifier());
        jdbc.update("INSERT INTO submission (id, matter, applicant_type, applicant_hash, applicant_masked, consumer,"
                        + " case_reference, form_json, status, accepted_at, promised_by, correlation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                accepted.id(), accepted.matter(), subject.type(), subject.hash(), subject.masked(), consumer,
                request.caseReference(), write(request.form()), accepted.status(), Timestamp.from(now),
                Date.valueOf(accepted.promisedBy()),
                ExchangeContext.current().map(ExchangeContext::correlationId).orElse(null));
        List<SubmissionDelivery.Material> delivered = new ArrayList<>();
        for (SubmissionPreview.Plan material : accepted.materials()) {
            LocalDate until = accepted.pending().get(material.code());
            jdbc.update("INSERT INTO submission_material (submission_id, code, satisfied_by, material_id, licence_id,"
                            + " origin, department, pending_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", accepted.id(),
                    material.code(), material.satisfiedBy() == null ? "PENDING" : material.satisfiedBy().name(),
                    material.material(), material.licence(), material.origin(), material.department(),
                    until == null ? null : Date.valueOf(until));
            delivered.add(new SubmissionDelivery.Material(material.code(),
                    material.satisfiedBy() == null ? "PENDING" : material.satisfiedBy().name(),
                    material.licence() != null ? material.licence() : material.material()));
        }
        accepted.departments().forEach((department, by) -> {
            jdbc.update("INSERT INTO department_task (submission_id, department, status, promised_by)"
                    + " VALUES (?, ?, 'QUEUED', ?)", accepted.id(), department, Date.valueOf(by));
            jdbc.update("INSERT INTO submission_outbox (submission_id, department, payload, created_at)"
                    + " VALUES (?, ?, ?, ?)", accepted.id(), department, write(new SubmissionDelivery(accepted.id(),
                    accepted.matter(), department, applicant.type().name(), applicant.identifier(), request.form(),
                    delivered, by)), Timestamp.from(now));
        });
    }

    private static ApiProblem incomplete(SubmissionPreview plan, List<String> uncommitted) {
        List<Map<String, Object>> missing = new ArrayList<>();
        for (SubmissionPreview.Plan material : plan.materials()) {
            if (plan.missing().contains(material.code()) || uncommitted.contains(material.code())) {
                missing.add(Map.of("code", material.code(), "name", material.name(), "upload", material.upload(),
                        "reason", plan.missing().contains(material.code()) ? "UPLOAD_NEEDED" : "COMMITMENT_NEEDED"));
            }
        }
        return new ApiProblem(ErrorCode.SUBMISSION_INCOMPLETE, "The application misses " + missing.size()
                + " material(s); all of them are listed", Map.of("missing", missing));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a submission's JSON", e);
        }
    }
}

package io.tongban.routes.submissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.routes.audit.ExchangeEntry;
import io.tongban.routes.audit.SubmissionEntries;
import io.tongban.routes.licences.LicenceIssuer;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.matters.MatterCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the bus does when a department's connector delivered a submission, failed to, gave up, or brought a decision:
 * the task's state and its exchange-log entry change together, in one transaction, so that nothing is applied
 * unlogged. The approval of a matter's issuing department issues its e-licence in that same transaction, so that a
 * licence exists exactly when its approval was applied.
 */
class DepartmentWork {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentWork.class);

    private final DepartmentTasks tasks;
    private final SubmissionEntries entries;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final MatterCatalogue catalogue;
    private final LicenceIssuer licences;
    private final Counter appliedDecisions;
    private final Counter repeatedDecisions;

    DepartmentWork(DepartmentTasks tasks, SubmissionEntries entries, TransactionTemplate transactions,
                   ObjectMapper json, MatterCatalogue catalogue, LicenceIssuer licences, MeterRegistry meters) {
        this.tasks = tasks;
        this.entries = entries;
        this.transactions = transactions;
        this.json = json;
        this.catalogue = catalogue;
        this.licences = licences;
        // decisions applied, and received again (changing nothing): what the departments have done, for operators
        this.appliedDecisions = meters.counter("tongban.submissions.decisions", "outcome", "applied");
        this.repeatedDecisions = meters.counter("tongban.submissions.decisions", "outcome", "already-decided");
    }

    /** The outbox message, as the relay put it on the department's queue. */
    public SubmissionDelivery read(String payload) throws JsonProcessingException {
        return json.readValue(payload, SubmissionDelivery.class);
    }

    public void delivered(SubmissionDelivery delivery, String receipt, long latencyMs) {
        transactions.executeWithoutResult(status -> {
            tasks.delivered(delivery.submission(), delivery.department(), receipt);
            log(delivery, "DELIVERED", latencyMs, null);
        });
    }

    /** One failed attempt; the broker redelivers later, and after the configured attempts dead-letters it. */
    public void failed(SubmissionDelivery delivery, long latencyMs) {
        log(delivery, "FAILED", latencyMs, "connector.unavailable");
    }

    public void deadLettered(String submission, String department) {
        transactions.executeWithoutResult(status -> {
            tasks.deadLettered(submission, department);
            tasks.owner(submission).ifPresent(owner -> entries.delivery(department, submission, owner.matter(),
                    owner.applicant(), owner.correlationId(), "DEAD_LETTER", 0, "connector.unavailable"));
        });
        LOG.warn("Gave up delivering submission {} to {}: it is on the dead-letter queue", submission, department);
    }

    /**
     * Applies a page of one department's decisions in one transaction, with one exchange-log append for them all.
     * The submissions' rows are locked in the order of their ids, so that two departments' pages touching the same
     * submissions wait for each other instead of deadlocking.
     */
    public void decided(List<DepartmentDecision> page) {
        List<DepartmentDecision> byId = page.stream().sorted(Comparator.comparing(DepartmentDecision::submission))
                .toList();
        transactions.executeWithoutResult(status -> {
            List<ExchangeEntry> logged = new ArrayList<>();
            for (DepartmentDecision decision : byId) {
                boolean applied = tasks.decide(decision);
                if (applied && decision.outcome() == DepartmentDecision.Outcome.APPROVED) {
                    issueLicence(decision);
                }
                (applied ? appliedDecisions : repeatedDecisions).increment();
                tasks.owner(decision.submission()).ifPresentOrElse(
                        owner -> logged.add(entries.decision(decision.source(), decision.submission(), owner.matter(),
                                owner.applicant(), owner.correlationId(),
                                applied ? decision.outcome().name() : "ALREADY_DECIDED")),
                        () -> LOG.warn("{} decided on submission {}, which this bus does not hold",
                                decision.source(), decision.submission()));
            }
            page.stream().mapToLong(DepartmentDecision::position).max()
                    .ifPresent(last -> tasks.advance(page.get(0).source(), last));
            entries.record(logged);
        });
    }

    /**
     * Where the department's decision feed goes on from; none while no task of the department can take a decision,
     * so that an idle bus does not ask the department for decisions it awaits none of.
     */
    public Long position(String department) {
        return tasks.awaitsDecision(department) ? tasks.position(department) : null;
    }

    private void issueLicence(DepartmentDecision approval) {
        tasks.delivery(approval.submission(), approval.source()).ifPresent(delivery -> catalogue.find(delivery.matter())
                .map(Matter::issues)
                .filter(issues -> issues.issuer().equals(approval.source()))
                .ifPresent(issues -> licences.issue(approval.submission(), issues, delivery.applicant(),
                        delivery.form(), approval.results())));
    }

    private void log(SubmissionDelivery delivery, String outcome, long latencyMs, String errorCode) {
        tasks.owner(delivery.submission()).ifPresent(owner -> entries.delivery(delivery.department(),
                delivery.submission(), owner.matter(), owner.applicant(), owner.correlationId(), outcome, latencyMs,
                errorCode));
    }
}

package io.tongban.routes.submissions;

import io.tongban.connectors.DepartmentDecision;
import io.tongban.routes.licences.LicenceIssuer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a submission stands (进度跟踪): overall, at each department with its promised and actual times and its
 * decision, how each material was satisfied or is owed, and the case's timeline. A rejection's reasons from every
 * department are told together, once (不予通过的一次告知).
 *
 * @param status     ACCEPTED while any department works on it, then APPROVED, or REJECTED when any department
 *                   rejected it
 * @param rejections every reason of every department that rejected it, with the legal basis
 * @param materials  how each material was satisfied: those satisfied by E_LICENCE or REUSE are the reuse ledger's
 *                   entries for this submission (what was reused, from where)
 * @param licences   the e-licences its approval issued
 */
public record SubmissionStatus(String id, String matter, String status, String caseReference, Instant acceptedAt,
                               LocalDate promisedBy, Instant completedAt, List<DepartmentTask> departments,
                               List<Rejection> rejections, List<MaterialState> materials,
                               List<LicenceIssuer.Issued> licences, List<Event> timeline) {

    /**
     * @param status  QUEUED, DELIVERED, APPROVED, REJECTED, or DEAD_LETTER when delivery was given up
     * @param results what an approval produced ({@code creditCode}, {@code licenceNumber}, ...)
     */
    public record DepartmentTask(String department, String status, LocalDate promisedBy, String receipt,
                                 Instant deliveredAt, Instant decidedAt, List<DepartmentDecision.Reason> reasons,
                                 Map<String, String> results) {
    }

    public record Rejection(String department, String code, String text, String legalBasis) {
    }

    /**
     * @param material the material used (uploaded, or reused)
     * @param licence  the e-licence reused
     * @param origin   where a reused one comes from: the window that accepted the material, the licence's region
     */
    public record MaterialState(String code, String satisfiedBy, String material, String licence, String origin,
                                String department, LocalDate pendingUntil) {
    }

    public record Event(Instant at, String event, String department) {
    }
}

package io.tongban.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A department's decision on a submission, in canonical form, as its connector hands it to
 * {@link ConnectorDescriptor#DECISIONS_ENDPOINT}. The bus applies a decision once: the same decision again changes
 * nothing.
 *
 * @param position   where the decision stands in the department's own decision feed (its sequence number), so that a
 *                   connector that polls can go on from the last one applied
 * @param receipt    the department's receipt number (受理编号), if it gives one
 * @param reasons    why it was rejected, with the legal basis (empty when approved)
 * @param results    what an approval produced, by canonical name: {@code creditCode}, {@code licenceNumber},
 *                   {@code insuranceNumber}
 */
public record DepartmentDecision(String source, long position, String submission, String receipt, Outcome outcome,
                                 List<Reason> reasons, Map<String, String> results, Instant decidedAt) {

    public enum Outcome { APPROVED, REJECTED }

    public record Reason(String code, String text, String legalBasis) {
    }

    public DepartmentDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        results = results == null ? Map.of() : Map.copyOf(results);
    }
}

package io.tongban.sandbox.applications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A department's decision (办结结果), as its feed and its decision messages carry it.
 *
 * @param sequence XH: 1, 2, 3, ... in the order the department decided, without gaps
 * @param receipt SLBH, the receipt number the department answered the application with
 * @param reasons YY, why it was rejected; empty on approval
 * @param results what an approval produced, under the department's field names (TYSHXYDM, ZZBH, SBBH)
 * @param decidedAt BJSJ
 */
public record Decision(long sequence, Application application, String receipt, boolean approved, List<Reason> reasons,
                       Map<String, String> results, OffsetDateTime decidedAt) {

    public Decision {
        reasons = List.copyOf(reasons);
        results = Map.copyOf(results);
    }

    /**
     * One reason for a rejection.
     *
     * @param code DM, e.g. NAME_TAKEN
     * @param text SM, in Chinese
     * @param legalBasis YJ, the regulation the rejection rests on
     */
    public record Reason(String code, String text, String legalBasis) {
    }
}

package io.tongban.sandbox.applications;

import java.util.List;
import java.util.Map;

/** What a department's rule decided on one application; the desk numbers, dates and records it. */
public record Verdict(boolean approved, List<Decision.Reason> reasons, Map<String, String> results) {

    /** Each department handles only its own matters: anything else is rejected, never left undecided. */
    public static final String MATTER_NOT_HANDLED = "MATTER_NOT_HANDLED";

    public Verdict {
        reasons = List.copyOf(reasons);
        results = Map.copyOf(results);
    }

    public static Verdict approve(Map<String, String> results) {
        return new Verdict(true, List.of(), results);
    }

    public static Verdict reject(String code, String text, String legalBasis) {
        return new Verdict(false, List.of(new Decision.Reason(code, text, legalBasis)), Map.of());
    }

    public static Verdict matterNotHandled(String matter) {
        return reject(MATTER_NOT_HANDLED, "本部门不办理该事项（" + matter + "）", "本部门政务服务事项清单");
    }
}

package io.tongban.routes.submissions;

import io.tongban.routes.matters.MaterialSource;
import io.tongban.routes.matters.MatterAnswer;
import java.util.List;

/**
 * How each required material of a matter would be satisfied for this applicant, what must still be uploaded (all of
 * it at once: 一次性告知), what may follow the application (容缺), and what the departments would promise.
 *
 * @param missing the materials the applicant must still upload before submitting
 * @param pending the materials the matter accepts later, on the applicant's commitment
 */
public record SubmissionPreview(String matter, List<Plan> materials, List<String> missing, List<String> pending,
                                MatterAnswer.Promise promise) {

    /**
     * One material: the source that would satisfy it ({@code null} when only an upload can) and its trust grade; the
     * department for a system verification; the material used (an earlier one, or one uploaded for this
     * application); the file kinds an upload may be.
     */
    public record Plan(String code, String name, MaterialSource.Type satisfiedBy, String grade, String department,
                       String material, List<MaterialSource.FileKind> upload, boolean pendingAllowed) {
    }
}

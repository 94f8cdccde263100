package io.tongban.routes.submissions;

import io.tongban.routes.matters.MaterialSource;
import io.tongban.routes.matters.MatterAnswer;
import java.util.List;
import java.util.Map;

/**
 * How each required material of a matter would be satisfied for this applicant, what must still be uploaded (all of
 * it at once: 一次性告知), what may follow the application (容缺), and what the departments would promise.
 *
 * @param missing the materials the applicant must still upload before submitting
 * @param pending the materials the matter accepts later, on the applicant's commitment
 * @param form    the application's form as the shared base fills it (empty at intake, where the form is given)
 */
public record SubmissionPreview(String matter, List<Plan> materials, List<String> missing, List<String> pending,
                                MatterAnswer.Promise promise, Form form) {

    /**
     * The form pre-filled from the shared base (表单云): the values the caller may see for the stated purpose, what
     * was withheld and why, or, when nothing could be filled, the code of the reason (e.g. the applicant is in no
     * department's records yet).
     */
    public record Form(Map<String, Object> values, List<Map<String, String>> withheld, String unavailable) {

        static Form none() {
            return new Form(Map.of(), List.of(), null);
        }
    }

    /**
     * One material: the source that would satisfy it ({@code null} when only an upload can) and its trust grade; the
     * department for a system verification; the material used (an earlier one, or one uploaded for this
     * application) or the e-licence reused; where a reused one comes from (the window that accepted the material,
     * or the licence's region, {@code local} for this bus's); the file kinds an upload may be.
     */
    public record Plan(String code, String name, MaterialSource.Type satisfiedBy, String grade, String department,
                       String material, String licence, String origin, List<MaterialSource.FileKind> upload,
                       boolean pendingAllowed) {
    }
}

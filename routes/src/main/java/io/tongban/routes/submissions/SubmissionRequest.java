package io.tongban.routes.submissions;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;

/**
 * An application: the matter, the applicant (identity number or credit code), the case reference of the window, the
 * form's fields, the materials uploaded for it (material ids by material code), the reuses the applicant declines
 * and the pending materials the applicant commits to supply later (容缺).
 */
public record SubmissionRequest(@NotBlank String matter, @NotBlank String applicant, String caseReference,
                                Map<String, Object> form, Map<String, String> materials, List<String> declineReuse,
                                List<String> commitments) {

    public SubmissionRequest {
        form = form == null ? Map.of() : Map.copyOf(form);
        materials = materials == null ? Map.of() : Map.copyOf(materials);
        declineReuse = declineReuse == null ? List.of() : List.copyOf(declineReuse);
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
    }
}

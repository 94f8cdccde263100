package io.tongban.routes.submissions;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * What the platform would submit: the matter, the applicant (identity number or credit code) and the materials whose
 * reuse the applicant declines (they would upload a new one instead).
 */
public record PreviewRequest(@NotBlank String matter, @NotBlank String applicant, List<String> declineReuse) {

    public PreviewRequest {
        declineReuse = declineReuse == null ? List.of() : List.copyOf(declineReuse);
    }
}

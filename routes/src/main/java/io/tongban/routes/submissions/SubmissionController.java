package io.tongban.routes.submissions;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.access.StatedPurpose;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Applications to matters: for now, their preview. */
@RestController
public class SubmissionController {

    private final SubmissionPreviewer previewer;
    private final StatedPurpose purposes;

    SubmissionController(SubmissionPreviewer previewer, StatedPurpose purposes) {
        this.previewer = previewer;
        this.purposes = purposes;
    }

    @Operation(summary = "How each material of a matter would be satisfied for this applicant, and what is missing")
    @PostMapping(path = "/api/v1/submissions/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public SubmissionPreview preview(@Valid @RequestBody PreviewRequest request,
                                     @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose) {
        purposes.require(purpose);
        return previewer.preview(request);
    }
}

package io.tongban.routes.submissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.access.StatedPurpose;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.Digests;
import io.tongban.routes.api.ErrorCode;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Applications to matters: their preview, and their intake under an Idempotency-Key. */
@RestController
public class SubmissionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final ApplicationPlanner previewer;
    private final SubmissionIntake intake;
    private final IdempotencyKeys keys;
    private final SubmissionRepository submissions;
    private final StatedPurpose purposes;
    private final ObjectWriter canonical;

    SubmissionController(ApplicationPlanner previewer, SubmissionIntake intake, IdempotencyKeys keys,
                         SubmissionRepository submissions, StatedPurpose purposes, ObjectMapper json) {
        this.previewer = previewer;
        this.submissions = submissions;
        this.intake = intake;
        this.keys = keys;
        this.purposes = purposes;
        this.canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Operation(summary = "Submit an application (Idempotency-Key required): 202 with its id, what was reused and the"
            + " promised date, or 422 with everything it misses")
    @PostMapping(path = "/api/v1/submissions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> submit(@Valid @RequestBody SubmissionRequest request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                         @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose)
            throws JsonProcessingException {
        purposes.require(purpose);
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, "A submission needs an " + IDEMPOTENCY_KEY
                    + " header (at most 255 characters), the same for every retry of the same request; keys are"
                    + " remembered for " + keys.validity());
        }
        String consumer = StatedPurpose.consumer();
        String requestHash = Digests.sha256Hex(canonical.writeValueAsBytes(request));
        Optional<IdempotencyKeys.Replay> replay = keys.claim(consumer, key, requestHash);
        if (replay.isPresent()) {
            return ResponseEntity.status(replay.get().status()).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true").body(replay.get().body());
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
                    .body(intake.accept(request, consumer, key));
        } catch (RuntimeException refused) {
            keys.release(consumer, key);
            throw refused;
        }
    }

    @Operation(summary = "How each material of a matter would be satisfied for this applicant, and what is missing")
    @PostMapping(path = "/api/v1/submissions/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public SubmissionPreview preview(@Valid @RequestBody PreviewRequest request,
                                     @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose) {
        purposes.require(purpose);
        return previewer.preview(request, purpose);
    }

    @Operation(summary = "Where a submission stands: overall, per department, its materials and timeline")
    @GetMapping(path = "/api/v1/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SubmissionStatus submission(@PathVariable String id) {
        return submissions.find(id, StatedPurpose.consumer()).orElseThrow(() -> new ApiProblem(
                ErrorCode.SUBMISSION_NOT_FOUND, "This consumer submitted no submission with this id"));
    }
}

package io.tongban.routes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.mappings.IdentityNumber;
import io.tongban.routes.access.StatedPurpose;
import io.tongban.routes.lookup.IdentityCheckService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Identity verification (身份核验): consistent or not, without the record leaving the department. */
@RestController
public class IdentityCheckController {

    public record IdentityCheck(@NotBlank String idNumber, @NotBlank @Size(max = 64) String name) {
    }

    public record IdentityCheckAnswer(String result, List<String> checkedBy) {
    }

    private final IdentityCheckService checks;
    private final StatedPurpose purposes;

    public IdentityCheckController(IdentityCheckService checks, StatedPurpose purposes) {
        this.checks = checks;
        this.purposes = purposes;
    }

    @Operation(summary = "Whether an identity number and a name belong to the same person: CONSISTENT or INCONSISTENT")
    @PostMapping(path = "/api/v1/identity-checks", consumes = "application/json", produces = "application/json")
    public IdentityCheckAnswer check(@Valid @RequestBody IdentityCheck request,
            @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose) {
        String idNumber = IdentityNumber.parse(request.idNumber()).value();
        purposes.require(purpose);
        IdentityCheckService.Verdict verdict = checks.check(idNumber, request.name().strip());
        return new IdentityCheckAnswer(verdict.consistent() ? "CONSISTENT" : "INCONSISTENT", verdict.checkedBy());
    }
}

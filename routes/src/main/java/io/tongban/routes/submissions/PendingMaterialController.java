package io.tongban.routes.submissions;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.access.StatedPurpose;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform brings a material its applicant owed when the submission was accepted pending (容缺受理). */
@RestController
public class PendingMaterialController {

    private final PendingMaterials pending;

    PendingMaterialController(PendingMaterials pending) {
        this.pending = pending;
    }

    @Operation(summary = "Supply a material the submission owes (uploaded first with POST /api/v1/materials); with the"
            + " last one owed, the departments' promises move later by the working days the clock stood still")
    @PostMapping(path = "/api/v1/submissions/{id}/materials/{code}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public MaterialSupplied supply(@PathVariable String id, @PathVariable String code,
                                   @Valid @RequestBody SuppliedMaterial body) {
        return pending.supply(id, code, body.material(), StatedPurpose.consumer());
    }
}

package io.tongban.routes.access;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The purpose registry, for callers to know what to state in {@code Tongban-Purpose}. */
@RestController
public class PurposeController {

    private final PurposeRegistry purposes;

    public PurposeController(PurposeRegistry purposes) {
        this.purposes = purposes;
    }

    @Operation(summary = "The purposes a request for subjects' data may state, with their legal basis")
    @GetMapping(path = "/api/v1/purposes", produces = "application/json")
    public Collection<Purpose> purposes() {
        return purposes.all();
    }
}

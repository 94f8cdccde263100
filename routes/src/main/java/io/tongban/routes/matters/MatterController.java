package io.tongban.routes.matters;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.supervision.WorkingCalendar;
import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The matter catalogue, for the one-window platform to know what each matter needs and who processes it. */
@RestController
public class MatterController {

    private final MatterCatalogue catalogue;
    private final WorkingCalendar calendar;

    public MatterController(MatterCatalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    @Operation(summary = "The matters the bus accepts, with their materials, departments and promised times")
    @GetMapping(path = "/api/v1/matters", produces = "application/json")
    public Collection<Matter> matters() {
        return catalogue.all();
    }

    @Operation(summary = "One matter of the catalogue, with the days its departments would promise if accepted today")
    @GetMapping(path = "/api/v1/matters/{code}", produces = "application/json")
    public MatterAnswer matter(@PathVariable String code) {
        return catalogue.find(code).map(matter -> MatterAnswer.of(matter, calendar)).orElseThrow(() -> new ApiProblem(ErrorCode.UNKNOWN_MATTER,
                "No matter of the catalogue has this code (GET /api/v1/matters lists them)"));
    }
}

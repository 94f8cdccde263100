package io.tongban.routes.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For supervisors (超时问效): which tasks are past their promise, and how each department keeps its promises. */
@RestController
public class SupervisionController {

    static final int MAX_LIMIT = 1000;
    private final SupervisionReports reports;
    private final WorkingCalendar calendar;

    SupervisionController(SupervisionReports reports, WorkingCalendar calendar) {
        this.reports = reports;
        this.calendar = calendar;
    }

    @Operation(summary = "The open tasks past their promise, the longest overdue first (at most limit, up to 1000)")
    @GetMapping(path = "/api/v1/supervision/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
    public OverdueTasks overdue(@RequestParam(required = false) String department,
                                @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "limit is from 1 to " + MAX_LIMIT);
        }
        return reports.overdue(calendar.today(), department, limit);
    }

    @Operation(summary = "Per department: tasks, open, decided on time and late, open overdue, reminders sent, and the"
            + " average working days to decide")
    @GetMapping(path = "/api/v1/supervision/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public SupervisionStatistics statistics() {
        return reports.statistics(calendar.today());
    }
}

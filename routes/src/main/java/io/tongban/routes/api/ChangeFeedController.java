package io.tongban.routes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.base.ChangeRejectionRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the change feeds could not apply, for the departments to correct. */
@RestController
public class ChangeFeedController {

    private final ChangeRejectionRepository rejections;

    public ChangeFeedController(ChangeRejectionRepository rejections) {
        this.rejections = rejections;
    }

    @Operation(summary = "The latest change-feed rows that were rejected, newest first")
    @GetMapping(path = "/api/v1/change-feeds/rejections", produces = "application/json")
    public List<ChangeRejectionRepository.Rejection> rejections(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 1000");
        }
        return rejections.latest(limit);
    }
}

package io.tongban.routes.access;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.mappings.CanonicalField;
import io.tongban.mappings.CanonicalModel;
import io.tongban.mappings.SharingType;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The grants of conditional fields, kept by admins (who never read subjects' data themselves). */
@RestController
@RequestMapping(path = "/api/v1/admin/grants", produces = "application/json")
public class GrantController {

    /** A grant as an admin asks for it; the bus adds its id, the approver (the admin) and the time. */
    public record GrantRequest(@NotBlank String consumer, @NotEmpty List<@NotBlank String> fields, @NotBlank String purpose,
                               @NotBlank String legalBasis, Instant validFrom, @NotNull Instant validUntil) {
    }

    private final GrantRepository grants;
    private final PurposeRegistry purposes;
    private final Clock clock = Clock.systemUTC();

    public GrantController(GrantRepository grants, PurposeRegistry purposes) {
        this.grants = grants;
        this.purposes = purposes;
    }

    @Operation(summary = "Grant conditional fields (names, or group:<group>) to a consumer for one purpose")
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public Grant create(@Valid @RequestBody GrantRequest request) {
        if (purposes.find(request.purpose()).isEmpty()) {
            throw new ApiProblem(ErrorCode.UNKNOWN_PURPOSE, "No purpose '" + request.purpose() + "' in the registry");
        }
        List<String> notConditional = request.fields().stream().filter(field -> !conditional().contains(field)).toList();
        if (!notConditional.isEmpty()) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "Only conditional fields or their groups can be granted; not "
                    + notConditional + " (conditional: " + conditional() + ")");
        }
        Instant now = clock.instant();
        Instant from = request.validFrom() == null ? now : request.validFrom();
        if (!request.validUntil().isAfter(from)) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "validUntil must lie after validFrom");
        }
        Grant grant = new Grant(UUID.randomUUID().toString(), request.consumer(), request.fields(), request.purpose(),
                request.legalBasis(), from, request.validUntil(), StatedPurpose.consumer(), now);
        grants.insert(grant);
        return grant;
    }

    @Operation(summary = "Every grant, newest first, ended ones included")
    @GetMapping
    public List<Grant> list() {
        return grants.all();
    }

    @Operation(summary = "End a grant now; it stays on record")
    @DeleteMapping("/{id}")
    public Grant revoke(@PathVariable String id) {
        grants.find(id).orElseThrow(() -> new ApiProblem(ErrorCode.NOT_FOUND, "No grant " + id));
        grants.revoke(id, clock.instant());
        return grants.find(id).orElseThrow();
    }

    /** The conditional fields of both subject types and their groups, as a grant may name them. */
    private static Set<String> conditional() {
        return Arrays.stream(SubjectType.values())
                .map(type -> CanonicalModel.standard().fields(type).values())
                .flatMap(Collection::stream)
                .filter(field -> field.sharing() == SharingType.CONDITIONAL)
                .flatMap(field -> java.util.stream.Stream.of(field.name(), "group:" + field.group()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}

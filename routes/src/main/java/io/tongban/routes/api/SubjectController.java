package io.tongban.routes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tongban.mappings.CreditCode;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.access.StatedPurpose;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unified lookup API over the shared base of natural persons and legal entities. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
public class SubjectController {

    private final ReleasedLookups lookups;
    private final GoldenRecordMerger merger;

    public SubjectController(ReleasedLookups lookups, GoldenRecordMerger merger) {
        this.lookups = lookups;
        this.merger = merger;
    }

    @Operation(summary = "A natural person merged from every source that holds them, each field with its provenance;"
            + " only the fields the catalogue and the caller's grants release for the stated purpose")
    @GetMapping("/persons/{idNumber}")
    public Map<String, Object> person(
            @Parameter(description = "Citizen identity number (GB 11643), 18 digits or the older 15") @PathVariable String idNumber,
            @Parameter(description = "Comma-separated canonical fields to return; all when absent") @RequestParam(required = false) String fields,
            @Parameter(description = "The purpose of the request, a code of GET /api/v1/purposes") @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose) {
        Set<String> selected = selection(SubjectType.PERSON, fields);
        String canonical = IdentityNumber.parse(idNumber).value();
        return lookups.lookup(SubjectType.PERSON, canonical, selected, purpose);
    }

    @Operation(summary = "A legal entity merged from every source that holds it, each field with its provenance;"
            + " only the fields the catalogue and the caller's grants release for the stated purpose")
    @GetMapping("/legal-entities/{creditCode}")
    public Map<String, Object> legalEntity(
            @Parameter(description = "Unified social credit code (GB 32100)") @PathVariable String creditCode,
            @Parameter(description = "Comma-separated canonical fields to return; all when absent") @RequestParam(required = false) String fields,
            @Parameter(description = "The purpose of the request, a code of GET /api/v1/purposes") @RequestHeader(name = StatedPurpose.HEADER, required = false) String purpose) {
        Set<String> selected = selection(SubjectType.LEGAL_ENTITY, fields);
        String canonical = CreditCode.parse(creditCode).value();
        return lookups.lookup(SubjectType.LEGAL_ENTITY, canonical, selected, purpose);
    }

    private Set<String> selection(SubjectType type, String fields) {
        List<String> requested = SubjectView.selection(fields);
        Set<String> known = merger.fieldsOf(type);
        List<String> unknown = requested.stream().filter(f -> !known.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblem(ErrorCode.UNKNOWN_FIELD, "Unknown field(s) " + unknown + "; known: " + known);
        }
        return new LinkedHashSet<>(requested);
    }
}

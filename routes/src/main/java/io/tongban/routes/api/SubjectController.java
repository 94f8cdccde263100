package io.tongban.routes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tongban.mappings.CreditCode;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.access.FieldRelease;
import io.tongban.routes.access.Purpose;
import io.tongban.routes.access.StatedPurpose;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.lookup.SubjectLookupService;
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

    private final SubjectLookupService lookups;
    private final GoldenRecordMerger merger;
    private final StatedPurpose purposes;
    private final FieldRelease release;

    public SubjectController(SubjectLookupService lookups, GoldenRecordMerger merger, StatedPurpose purposes,
                             FieldRelease release) {
        this.lookups = lookups;
        this.merger = merger;
        this.purposes = purposes;
        this.release = release;
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
        return answer(SubjectType.PERSON, "idNumber", canonical, selected, purpose);
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
        return answer(SubjectType.LEGAL_ENTITY, "creditCode", canonical, selected, purpose);
    }

    /**
     * Decides what may be released before anything is fetched, asks only the departments whose fields are released,
     * and names what was withheld and why; the exchange log learns both.
     */
    private Map<String, Object> answer(SubjectType type, String idName, String subjectId, Set<String> selected,
                                       String purposeHeader) {
        Purpose purpose = purposes.require(purposeHeader);
        FieldRelease.Decision decision = release.decide(type, StatedPurpose.consumer(), purpose, selected);
        List<Map<String, String>> withheld = decision.withheld().entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "reason", entry.getValue().name())).toList();
        if (decision.released().isEmpty()) {
            ExchangeContext.current().ifPresent(exchange -> {
                exchange.subject(type, subjectId);
                exchange.fields(List.of(), decision.withheldList());
            });
            throw new ApiProblem(ErrorCode.NOTHING_RELEASED, "No field asked for may be released to this caller for"
                    + " purpose " + purpose.code(), Map.of("withheld", withheld));
        }
        // The identifier is the caller's already: it is no reason to ask a department.
        List<String> worthAsking = decision.released().stream().filter(field -> !field.equals(idName)).toList();
        Map<String, Object> view = SubjectView.of(idName, lookups.lookup(type, subjectId, worthAsking),
                new LinkedHashSet<>(decision.released()));
        view.put("withheld", withheld);
        return released(view, decision.withheldList());
    }

    /** Tells the exchange log which canonical fields this answer releases and which it withholds. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> released(Map<String, Object> view, List<String> withheld) {
        List<String> fields = List.copyOf(((Map<String, Object>) view.get("fields")).keySet());
        ExchangeContext.current().ifPresent(exchange -> exchange.fields(fields, withheld));
        return view;
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

package io.tongban.routes.api;

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
import org.springframework.stereotype.Service;

/**
 * A subject's fields as the caller may see them for the stated purpose: the lookup API's answer, and the source of
 * every form pre-filled from the shared base.
 */
@Service
public class ReleasedLookups {

    private final SubjectLookupService lookups;
    private final StatedPurpose purposes;
    private final FieldRelease release;

    public ReleasedLookups(SubjectLookupService lookups, StatedPurpose purposes, FieldRelease release) {
        this.lookups = lookups;
        this.purposes = purposes;
        this.release = release;
    }

    /**
     * Decides what may be released before anything is fetched, asks only the departments whose fields are released,
     * and names what was withheld and why; the exchange log learns both.
     */
    public Map<String, Object> lookup(SubjectType type, String subjectId, Set<String> selected, String purposeHeader) {
        String idName = type == SubjectType.PERSON ? "idNumber" : "creditCode";
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
}

package io.tongban.routes.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who accessed this person's or this company's data (the Estonian data tracker, for every connected system at once):
 * when, which department's data, for what stated purpose and case, with what outcome, refusals included; each with
 * its inclusion proof, so that the subject can hold the bus to it. Never the data itself.
 */
@RestController
@RequestMapping(path = "/api/v1/access-reports", produces = "application/json")
public class AccessReportController {

    /** One access to the subject's data. */
    public record Access(long index, String time, String kind, String consumer, String actingUser, String department,
                         String operation, String purpose, String caseReference, String outcome, String errorCode,
                         List<String> fieldsReturned, List<String> inclusionProof) {
    }

    public record AccessReport(SubjectReferenceView subject, CheckpointRef checkpoint, List<Access> accesses, String next) {
    }

    public record SubjectReferenceView(String type, String masked) {
    }

    public record CheckpointRef(long size, String rootHash) {
    }

    private final AuditRepository repository;
    private final AuditProofs proofs;
    private final SubjectHasher hasher;
    private final ObjectMapper json;

    AccessReportController(AuditRepository repository, AuditProofs proofs, SubjectHasher hasher, ObjectMapper json) {
        this.repository = repository;
        this.proofs = proofs;
        this.hasher = hasher;
        this.json = json;
    }

    @Operation(summary = "Who accessed this person's data, when, why and with what outcome, each with an inclusion proof")
    @GetMapping("/persons/{idNumber}")
    public AccessReport person(@PathVariable String idNumber, @RequestParam(required = false) Long before,
                               @RequestParam(required = false) Integer limit) {
        return report(SubjectType.PERSON, idNumber, before, limit);
    }

    @Operation(summary = "Who accessed this legal entity's data, when, why and with what outcome, each with an inclusion proof")
    @GetMapping("/legal-entities/{creditCode}")
    public AccessReport legalEntity(@PathVariable String creditCode, @RequestParam(required = false) Long before,
                                    @RequestParam(required = false) Integer limit) {
        return report(SubjectType.LEGAL_ENTITY, creditCode, before, limit);
    }

    private AccessReport report(SubjectType type, String identifier, Long before, Integer limit) {
        String canonical = AuditSearch.canonical(type, identifier);
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(type, canonical));
        SubjectReference subject = hasher.reference(type, canonical);
        int pageSize = limit == null ? 50 : Math.min(Math.max(limit, 1), AuditSearch.MAX_PAGE);
        List<StoredEntry> page = repository.search(new AuditQuery(subject.hash(), null, null, null, null, null, null,
                null, null, before, pageSize));
        var checkpoint = repository.latestCheckpoint();
        long provenSize = checkpoint.map(StoredCheckpoint::size).orElse(0L);
        List<Access> accesses = new ArrayList<>();
        for (StoredEntry entry : page) {
            List<String> proof = entry.index() < provenSize
                    ? AuditViews.b64(proofs.inclusionProof(entry.index(), provenSize)) : null;
            accesses.add(access(entry, proof));
        }
        String next = page.size() < pageSize ? null : Long.toString(page.get(page.size() - 1).index());
        return new AccessReport(new SubjectReferenceView(subject.type(), subject.masked()),
                checkpoint.map(c -> new CheckpointRef(c.size(), AuditViews.b64(c.checkpoint().rootHash()))).orElse(null),
                accesses, next);
    }

    private Access access(StoredEntry stored, List<String> proof) {
        try {
            JsonNode entry = json.readTree(stored.text());
            List<String> fields = new ArrayList<>();
            entry.path("fieldsReturned").forEach(f -> fields.add(f.asText()));
            return new Access(stored.index(), text(entry, "time"), text(entry, "kind"), text(entry, "consumer"),
                    text(entry, "actingUser"), text(entry, "department"), text(entry, "operation"),
                    text(entry, "purpose"), text(entry, "caseReference"), text(entry, "outcome"),
                    text(entry, "errorCode"), fields, proof);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

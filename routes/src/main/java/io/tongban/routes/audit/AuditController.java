package io.tongban.routes.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.security.transparency.MerkleHash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange log for auditors and for anyone who holds a checkpoint: entries, checkpoints, proofs, exports. Readers
 * of the whole log first wait until its tables hold every acknowledged entry ({@link ReadableLogInterceptor}); those of
 * one part of the tree wait only for that part, and those of signed checkpoints not at all (a checkpoint is signed
 * once the tables hold what it covers).
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
public class AuditController {

    private final ExchangeLog log;
    private final AuditRepository repository;
    private final AuditProofs proofs;
    private final AuditSearch search;
    private final AuditExport export;
    private final LogVerification verification;
    private final AuditBundleExport bundles;
    private final int hashLength;

    AuditController(ExchangeLog log, AuditRepository repository, AuditProofs proofs, AuditSearch search,
                    AuditExport export, LogVerification verification, AuditBundleExport bundles, MerkleHash auditHash) {
        this.log = log;
        this.repository = repository;
        this.proofs = proofs;
        this.search = search;
        this.export = export;
        this.verification = verification;
        this.bundles = bundles;
        this.hashLength = auditHash.hashLength();
    }

    @Operation(summary = "The latest signed checkpoint (tree size, root hash, signature, timestamp token)")
    @GetMapping("/checkpoint")
    public AuditViews.CheckpointView checkpoint() {
        return repository.latestCheckpoint().map(AuditViews.CheckpointView::of).orElseThrow(() ->
                new ApiProblem(ErrorCode.NO_CHECKPOINT, "The exchange log has no signed checkpoint yet"));
    }

    @Operation(summary = "Checkpoint history, newest first")
    @GetMapping("/checkpoints")
    public AuditViews.CheckpointPage checkpoints(@RequestParam(required = false) Long before,
                                                 @RequestParam(required = false) Integer limit) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > AuditSearch.MAX_PAGE) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "limit must lie in [1, " + AuditSearch.MAX_PAGE + "]");
        }
        List<StoredCheckpoint> page = repository.checkpoints(before, pageSize);
        String next = page.size() < pageSize ? null : Long.toString(page.get(page.size() - 1).size());
        return new AuditViews.CheckpointPage(page.stream().map(AuditViews.CheckpointView::of).toList(), next);
    }

    @Operation(summary = "One entry exactly as hashed, with its leaf hash")
    @GetMapping("/entries/{index}")
    public AuditViews.EntryView entry(@PathVariable long index) {
        log.awaitReadable(index + 1);
        return repository.entry(index).map(e -> AuditViews.EntryView.of(e, hashLength)).orElseThrow(() ->
                new ApiProblem(ErrorCode.ENTRY_NOT_FOUND, "The exchange log has no entry " + index));
    }

    @Operation(summary = "Search the log, newest first, keyset-paged by index (pass next as before)")
    @GetMapping("/entries")
    public AuditViews.EntryPage entries(
            @Parameter(description = "PERSON or LEGAL_ENTITY, with subject") @RequestParam(required = false) String subjectType,
            @Parameter(description = "Clear identity number or credit code: hashed by the bus before use, never stored")
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String consumer, @RequestParam(required = false) String department,
            @RequestParam(required = false) String operation, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        AuditQuery query = search.query(subjectType, subject, consumer, department, operation, outcome, purpose, kind,
                from, to, before, limit);
        List<StoredEntry> page = repository.search(query);
        String next = page.size() < query.limit() ? null : Long.toString(page.get(page.size() - 1).index());
        return new AuditViews.EntryPage(page.stream().map(e -> AuditViews.EntryView.of(e, hashLength)).toList(), next);
    }

    @Operation(summary = "Every entry matching the criteria, streamed as NDJSON or CSV")
    @GetMapping(path = "/export", produces = {"application/x-ndjson", "text/csv"})
    public void export(@RequestParam(defaultValue = "ndjson") String format,
                       @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subject,
                       @RequestParam(required = false) String consumer, @RequestParam(required = false) String department,
                       @RequestParam(required = false) String operation, @RequestParam(required = false) String outcome,
                       @RequestParam(required = false) String purpose, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                       HttpServletResponse response) throws IOException {
        AuditQuery query = search.query(subjectType, subject, consumer, department, operation, outcome, purpose, kind,
                from, to, null, null);
        export.entries(AuditExport.Format.of(format), query, response);
    }

    @Operation(summary = "Recomputes the whole tree from the entries and checks it against the signed checkpoints")
    @GetMapping("/verification")
    public AuditViews.VerificationView verification() {
        return AuditViews.VerificationView.of(verification.verify(), Instant.now());
    }

    @Operation(summary = "The whole log up to its latest checkpoint as an offline-verifiable bundle (NDJSON)")
    @GetMapping(path = "/bundle", produces = "application/x-ndjson")
    public void bundle(HttpServletResponse response) throws IOException {
        bundles.write(response);
    }

    @Operation(summary = "An inclusion proof (RFC 9162) of an entry in a tree of the given size (default: the latest checkpoint's)")
    @GetMapping("/proofs/inclusion")
    public AuditViews.InclusionProofView inclusion(@RequestParam long index, @RequestParam(required = false) Long size) {
        if (size != null) {
            log.awaitReadable(size);
        }
        return proofs.inclusion(index, size);
    }

    @Operation(summary = "A consistency proof (RFC 9162) between two tree sizes")
    @GetMapping("/proofs/consistency")
    public AuditViews.ConsistencyProofView consistency(@RequestParam long from, @RequestParam long to) {
        log.awaitReadable(to);
        return proofs.consistency(from, to);
    }
}

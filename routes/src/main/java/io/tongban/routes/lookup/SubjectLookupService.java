package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.LookupResult;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.audit.DepartmentCalls;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.base.SourceRecordRepository;
import io.tongban.routes.base.StoredSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A lookup of one subject: serve what the shared base holds while it is fresh, read through to the sources whose
 * copy is stale or missing (all at once), keep what they answered, and merge by field authority.
 */
@Service
public class SubjectLookupService {

    private final ConnectorRegistry connectors;
    private final SourceRecordRepository base;
    private final GoldenRecordMerger merger;
    private final MergedGoldenRecords mergedStored;
    private final FanOut fanOut;
    private final DepartmentCalls calls;
    private final Duration maxAge;
    private final long timeoutMs;

    public SubjectLookupService(ConnectorRegistry connectors, SourceRecordRepository base, GoldenRecordMerger merger,
                                FanOut fanOut, DepartmentCalls calls, @Value("${bus.base.max-age}") Duration maxAge,
                                @Value("${bus.lookup.timeout-ms}") long timeoutMs,
                                @Value("${bus.base.parsed-records}") int parsedRecords) {
        this.connectors = connectors;
        this.base = base;
        this.merger = merger;
        this.mergedStored = new MergedGoldenRecords(merger, parsedRecords);
        this.fanOut = fanOut;
        this.calls = calls;
        this.maxAge = maxAge;
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param released the canonical fields the answer may release: a department that delivers none of them is
     *                 neither asked nor served
     */
    public SubjectAnswer lookup(SubjectType type, String subjectId, Collection<String> released) {
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(type, subjectId));
        Capability capability = type == SubjectType.PERSON ? Capability.PERSON_LOOKUP : Capability.ENTITY_LOOKUP;
        List<ConnectorDescriptor> sources = connectors.offering(capability).stream()
                .filter(connector -> connector.contributesAny(type, released)).toList();
        Map<String, StoredSource> stored = base.find(type, subjectId).stream()
                .collect(Collectors.toMap(StoredSource::source, Function.identity()));
        Instant freshSince = Instant.now().minus(maxAge);

        List<ConnectorDescriptor> stale = sources.stream()
                .filter(c -> !stored.containsKey(c.source()) || stored.get(c.source()).retrievedAt().isBefore(freshSince))
                .toList();
        Map<String, LookupResult> answers = ask(stale, capability, subjectId);

        List<Contribution> contributions = sources.stream()
                .map(connector -> stale.contains(connector)
                        ? fromAnswer(type, subjectId, connector.source(), stored.get(connector.source()), answers)
                        : fromBase(stored.get(connector.source())))
                .toList();
        List<SourceState> states = contributions.stream().map(Contribution::state).toList();
        List<SourceRecord> records = contributions.stream().map(Contribution::record).filter(Objects::nonNull).toList();
        if (records.isEmpty()) {
            throw states.stream().anyMatch(SourceState::unavailable)
                    ? ApiProblem.sourcesUnavailable(states.stream().filter(SourceState::unavailable).map(SourceState::source).toList())
                    : ApiProblem.subjectNotFound(type, subjectId);
        }
        SubjectAnswer answer = new SubjectAnswer(stale.isEmpty()
                ? mergedStored.ofStored(type, subjectId, records) : merger.merge(type, subjectId, records), states);
        if (answer.degraded()) {
            ExchangeContext.current().ifPresent(ExchangeContext::degraded);
        }
        return answer;
    }

    /** What one source adds to an answer: how it stood, and its record when there is one to serve. */
    private record Contribution(SourceState state, SourceRecord record) {
    }

    private static Contribution fromBase(StoredSource held) {
        return held.found()
                ? new Contribution(new SourceState(held.source(), SourceState.Status.CACHED, held.retrievedAt(), null), held.record())
                : new Contribution(new SourceState(held.source(), SourceState.Status.NOT_FOUND, held.retrievedAt(), null), null);
    }

    /** Keeps what the department answered in the base; when it did not answer, serves the older copy, if any. */
    private Contribution fromAnswer(SubjectType type, String subjectId, String source, StoredSource held,
                                    Map<String, LookupResult> answers) {
        LookupResult answer = answers.getOrDefault(source,
                LookupResult.unavailable(source, "no answer within the lookup timeout"));
        return switch (answer.status()) {
            case FOUND -> {
                base.saveFound(answer.record());
                yield new Contribution(new SourceState(source, SourceState.Status.REFRESHED,
                        answer.record().retrievedAt(), null), answer.record());
            }
            case NOT_FOUND -> {
                Instant now = Instant.now();
                base.saveNotFound(type, subjectId, source, now);
                yield new Contribution(new SourceState(source, SourceState.Status.NOT_FOUND, now, null), null);
            }
            case UNAVAILABLE -> held != null && held.found()
                    ? new Contribution(new SourceState(source, SourceState.Status.STALE, held.retrievedAt(),
                            answer.detail()), held.record())
                    : new Contribution(new SourceState(source, SourceState.Status.UNAVAILABLE, null, answer.detail()), null);
        };
    }

    /** Asks the sources at once; every call, answered or not, goes to the exchange log. */
    private Map<String, LookupResult> ask(List<ConnectorDescriptor> sources, Capability capability, String subjectId) {
        List<String> endpoints = sources.stream().map(c -> c.endpoint(capability)).toList();
        Map<String, FanOut.Reply<LookupResult>> replies = fanOut.ask(endpoints, subjectId, LookupResult.class).stream()
                .collect(Collectors.toMap(reply -> reply.answer().source(), Function.identity(), (a, b) -> a));
        String operation = capability.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (ConnectorDescriptor source : sources) {
            FanOut.Reply<LookupResult> reply = replies.get(source.source());
            calls.record(reply == null
                    ? new DepartmentCalls.Call(source.source(), operation, "UNAVAILABLE", timeoutMs, List.of(), null,
                            "connector.unavailable")
                    : callOf(operation, reply));
        }
        return replies.values().stream().map(FanOut.Reply::answer)
                .collect(Collectors.toMap(LookupResult::source, Function.identity()));
    }

    private static DepartmentCalls.Call callOf(String operation, FanOut.Reply<LookupResult> reply) {
        LookupResult answer = reply.answer();
        return switch (answer.status()) {
            case FOUND -> new DepartmentCalls.Call(answer.source(), operation, "OK", reply.latencyMs(),
                    List.copyOf(answer.record().fields().keySet()), answer.record().digest(), null);
            case NOT_FOUND -> new DepartmentCalls.Call(answer.source(), operation, "NOT_FOUND", reply.latencyMs(),
                    List.of(), null, null);
            case UNAVAILABLE -> new DepartmentCalls.Call(answer.source(), operation, "UNAVAILABLE", reply.latencyMs(),
                    List.of(), null, "connector.unavailable");
        };
    }
}

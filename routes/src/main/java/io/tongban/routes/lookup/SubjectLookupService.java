package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.LookupResult;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.base.SourceRecordRepository;
import io.tongban.routes.base.StoredSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final FanOut fanOut;
    private final Duration maxAge;

    public SubjectLookupService(ConnectorRegistry connectors, SourceRecordRepository base, GoldenRecordMerger merger,
                                FanOut fanOut, @Value("${bus.base.max-age}") Duration maxAge) {
        this.connectors = connectors;
        this.base = base;
        this.merger = merger;
        this.fanOut = fanOut;
        this.maxAge = maxAge;
    }

    public SubjectAnswer lookup(SubjectType type, String subjectId) {
        Capability capability = type == SubjectType.PERSON ? Capability.PERSON_LOOKUP : Capability.ENTITY_LOOKUP;
        List<ConnectorDescriptor> sources = connectors.offering(capability);
        Map<String, StoredSource> stored = base.find(type, subjectId).stream()
                .collect(Collectors.toMap(StoredSource::source, Function.identity()));
        Instant freshSince = Instant.now().minus(maxAge);

        List<ConnectorDescriptor> stale = sources.stream()
                .filter(c -> !stored.containsKey(c.source()) || stored.get(c.source()).retrievedAt().isBefore(freshSince))
                .toList();
        Map<String, LookupResult> answers = ask(stale, capability, subjectId);

        List<SourceState> states = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        for (ConnectorDescriptor connector : sources) {
            String source = connector.source();
            StoredSource held = stored.get(source);
            if (!stale.contains(connector)) {
                states.add(new SourceState(source, held.found() ? SourceState.Status.CACHED : SourceState.Status.NOT_FOUND,
                        held.retrievedAt(), null));
                if (held.found()) {
                    records.add(held.record());
                }
                continue;
            }
            LookupResult answer = answers.getOrDefault(source,
                    LookupResult.unavailable(source, "no answer within the lookup timeout"));
            switch (answer.status()) {
                case FOUND -> {
                    base.saveFound(answer.record());
                    records.add(answer.record());
                    states.add(new SourceState(source, SourceState.Status.REFRESHED, answer.record().retrievedAt(), null));
                }
                case NOT_FOUND -> {
                    Instant now = Instant.now();
                    base.saveNotFound(type, subjectId, source, now);
                    states.add(new SourceState(source, SourceState.Status.NOT_FOUND, now, null));
                }
                case UNAVAILABLE -> {
                    if (held != null && held.found()) {
                        records.add(held.record());
                        states.add(new SourceState(source, SourceState.Status.STALE, held.retrievedAt(), answer.detail()));
                    } else {
                        states.add(new SourceState(source, SourceState.Status.UNAVAILABLE, null, answer.detail()));
                    }
                }
            }
        }
        if (records.isEmpty()) {
            throw states.stream().anyMatch(SourceState::unavailable)
                    ? ApiProblem.sourcesUnavailable(states.stream().filter(SourceState::unavailable).map(SourceState::source).toList())
                    : ApiProblem.subjectNotFound(type, subjectId);
        }
        return new SubjectAnswer(merger.merge(type, subjectId, records), states);
    }

    private Map<String, LookupResult> ask(List<ConnectorDescriptor> sources, Capability capability, String subjectId) {
        List<String> endpoints = sources.stream().map(c -> c.endpoint(capability)).toList();
        return fanOut.ask(endpoints, subjectId, LookupResult.class).stream()
                .collect(Collectors.toMap(LookupResult::source, Function.identity(), (a, b) -> a));
    }
}

package io.tongban.routes.lookup;

import io.tongban.mappings.GoldenRecord;
import java.util.List;

/** A merged record and how each source contributed to it. */
public record SubjectAnswer(GoldenRecord record, List<SourceState> sources) {

    public boolean degraded() {
        return sources.stream().anyMatch(SourceState::unavailable);
    }
}

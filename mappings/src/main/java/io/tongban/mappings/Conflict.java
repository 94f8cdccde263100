package io.tongban.mappings;

import java.util.List;

/**
 * Two or more sources disagree on a field. Every source's value is listed, so the disagreement
 * is shown rather than hidden; the authoritative source is named so a reader knows which one won.
 */
public record Conflict(String field, String authoritativeSource, List<SourcedValue> values) {
    public Conflict {
        values = List.copyOf(values);
    }
}

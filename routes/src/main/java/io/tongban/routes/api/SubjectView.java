package io.tongban.routes.api;

import io.tongban.mappings.Conflict;
import io.tongban.mappings.FieldValue;
import io.tongban.mappings.GoldenRecord;
import io.tongban.routes.lookup.SourceState;
import io.tongban.routes.lookup.SubjectAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shape of a merged record: each field with its provenance, the conflicts, and how each source stood. */
final class SubjectView {

    private SubjectView() {
    }

    static Map<String, Object> of(String idName, SubjectAnswer answer, Set<String> selected) {
        GoldenRecord record = answer.record();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(idName, record.subjectId());
        view.put("degraded", answer.degraded());
        if (answer.degraded()) {
            view.put("unavailableSources", answer.sources().stream().filter(SourceState::unavailable)
                    .map(SourceState::source).toList());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        record.fields().forEach((name, value) -> {
            if (selected.isEmpty() || selected.contains(name)) {
                fields.put(name, field(value));
            }
        });
        view.put("fields", fields);
        view.put("conflicts", record.conflicts().stream()
                .filter(c -> selected.isEmpty() || selected.contains(c.field()))
                .map(SubjectView::conflict).toList());
        view.put("sources", answer.sources().stream().map(SubjectView::source).toList());
        return view;
    }

    private static Map<String, Object> field(FieldValue value) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("value", value.value());
        view.put("source", value.provenance().source());
        view.put("retrievedAt", value.provenance().retrievedAt());
        view.put("digest", value.provenance().digest());
        return view;
    }

    private static Map<String, Object> conflict(Conflict conflict) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("field", conflict.field());
        view.put("authoritativeSource", conflict.authoritativeSource());
        view.put("values", conflict.values().stream().map(v -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("source", v.source());
            value.put("value", v.value());
            value.put("retrievedAt", v.retrievedAt());
            return value;
        }).toList());
        return view;
    }

    private static Map<String, Object> source(SourceState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", state.source());
        view.put("status", state.status());
        if (state.retrievedAt() != null) {
            view.put("retrievedAt", state.retrievedAt());
        }
        if (state.detail() != null) {
            view.put("detail", state.detail());
        }
        return view;
    }

    static List<String> selection(String fields) {
        return fields == null || fields.isBlank() ? List.of()
                : List.of(fields.split(",")).stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    }
}

package io.tongban.routes.api;

import io.tongban.mappings.SubjectType;
import java.util.List;
import java.util.Map;

/** A request the bus answers with a problem+json document rather than a result. */
public class ApiProblem extends RuntimeException {

    private final ErrorCode error;
    private final Map<String, Object> properties;

    public ApiProblem(ErrorCode error, String detail) {
        this(error, detail, Map.of());
    }

    public ApiProblem(ErrorCode error, String detail, Map<String, Object> properties) {
        super(detail);
        this.error = error;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem subjectNotFound(SubjectType type, String subjectId) {
        String what = type == SubjectType.PERSON ? "No source holds a person with this identity number"
                : "No source holds a legal entity with this credit code";
        return new ApiProblem(ErrorCode.SUBJECT_NOT_FOUND, what);
    }

    public static ApiProblem sourcesUnavailable(List<String> sources) {
        return new ApiProblem(ErrorCode.SOURCES_UNAVAILABLE,
                "No source answered and the shared base holds nothing for this subject",
                Map.of("unavailableSources", sources));
    }

    public ErrorCode error() {
        return error;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

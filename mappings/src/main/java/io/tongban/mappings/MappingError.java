package io.tongban.mappings;

/** The stable error codes of the mappings module; the strings appear in problem+json responses. */
public enum MappingError {
    INVALID_IDENTIFIER("mapping.invalid_identifier"),
    UNKNOWN_CODE("mapping.unknown_code"),
    MISSING_FIELD("mapping.missing_field"),
    INVALID_VALUE("mapping.invalid_value"),
    UNKNOWN_FIELD("mapping.unknown_field"),
    SUBJECT_MISMATCH("mapping.subject_mismatch"),
    INVALID_SPEC("mapping.invalid_spec");

    private final String code;

    MappingError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.tongban.mappings;

/**
 * Department data, a spec or a code table could not be mapped. {@link #code()} is a stable
 * string; the message says what is wrong without quoting personal data.
 */
public class MappingException extends RuntimeException {
    private final MappingError error;

    public MappingException(MappingError error, String message) {
        super(message);
        this.error = error;
    }

    public MappingException(MappingError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public MappingError error() {
        return error;
    }

    /** The stable error code, e.g. "mapping.unknown_code". */
    public String code() {
        return error.code();
    }

    /** The same error, its message prefixed with where it happened (e.g. "tax NSRZT -> taxpayerStatus"). */
    MappingException at(String location) {
        return new MappingException(error, location + ": " + getMessage(), this);
    }
}

package io.tongban.mappings;

/** An identity number or credit code is malformed; {@link #reason()} says which rule it broke. */
public class InvalidIdentifierException extends MappingException {

    /** The rule an identifier broke. */
    public enum Reason {
        WRONG_LENGTH,
        ILLEGAL_CHARACTER,
        INVALID_DATE,
        INVALID_DIVISION,
        WRONG_CHECK_CHARACTER
    }

    private final Reason reason;

    public InvalidIdentifierException(Reason reason, String message) {
        super(MappingError.INVALID_IDENTIFIER, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    MappingException at(String location) {
        InvalidIdentifierException located = new InvalidIdentifierException(reason, location + ": " + getMessage());
        located.initCause(this);
        return located;
    }
}

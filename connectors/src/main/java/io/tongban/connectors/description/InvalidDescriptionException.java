package io.tongban.connectors.description;

/** A department's {@code connector.yaml} the bus cannot run: the message names the file and the field. */
public class InvalidDescriptionException extends IllegalStateException {

    public InvalidDescriptionException(String location, String field, String problem) {
        this(location + ": " + field + ": " + problem);
    }

    /** A problem whose message already names the file and the field. */
    public InvalidDescriptionException(String message) {
        super(message);
    }
}

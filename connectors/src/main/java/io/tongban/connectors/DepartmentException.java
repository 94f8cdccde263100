package io.tongban.connectors;

/** A department answered, but not with anything usable (a server error, an unexpected status): worth a retry. */
public class DepartmentException extends RuntimeException {

    public DepartmentException(String source, String what) {
        super(source + ": " + what);
    }
}

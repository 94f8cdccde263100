package io.tongban.security;

/** Failure of a security operation (signing, loading keys, issuing); carries a stable code. */
public class SecurityServiceException extends RuntimeException {
    private final ErrorCode errorCode;

    public SecurityServiceException(ErrorCode errorCode, String message) {
        super(errorCode.code() + ": " + message);
        this.errorCode = errorCode;
    }

    public SecurityServiceException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode.code() + ": " + message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}

package io.tongban.routes.audit;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;

/** The exchange log could not make an entry durable in time: the exchange is refused, never served unlogged. */
public class AuditUnavailableException extends ApiProblem {

    public AuditUnavailableException(String message, Throwable cause) {
        super(ErrorCode.AUDIT_UNAVAILABLE, message);
        initCause(cause);
    }
}

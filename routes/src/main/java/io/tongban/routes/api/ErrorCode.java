package io.tongban.routes.api;

import org.springframework.http.HttpStatus;

/** The stable error codes of the API: clients may branch on them, so they never change meaning. */
public enum ErrorCode {
    INVALID_IDENTIFIER("mapping.invalid_identifier", HttpStatus.BAD_REQUEST, "Invalid identifier"),
    SUBJECT_NOT_FOUND("base.subject_not_found", HttpStatus.NOT_FOUND, "Subject not found"),
    SOURCES_UNAVAILABLE("connector.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Sources unavailable"),
    MALFORMED_REQUEST("api.malformed_request", HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_REQUEST("api.invalid_request", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNKNOWN_FIELD("api.unknown_field", HttpStatus.BAD_REQUEST, "Unknown field"),
    PAYLOAD_TOO_LARGE("api.payload_too_large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("api.unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    METHOD_NOT_ALLOWED("api.method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_FOUND("api.not_found", HttpStatus.NOT_FOUND, "No such resource"),
    NOT_READY("bus.not_ready", HttpStatus.SERVICE_UNAVAILABLE, "Not ready"),
    AUDIT_UNAVAILABLE("audit.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Exchange log unavailable"),
    ENTRY_NOT_FOUND("audit.entry_not_found", HttpStatus.NOT_FOUND, "No such log entry"),
    NO_CHECKPOINT("audit.no_checkpoint", HttpStatus.NOT_FOUND, "No checkpoint yet"),
    ACCESS_UNAUTHENTICATED("access.unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    ACCESS_FORBIDDEN("access.forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    UNREGISTERED_CLIENT("access.unregistered_client", HttpStatus.UNAUTHORIZED, "Client certificate not registered"),
    CERTIFICATE_REVOKED("access.certificate_revoked", HttpStatus.UNAUTHORIZED, "Client certificate revoked"),
    REVOCATION_UNKNOWN("access.revocation_unknown", HttpStatus.UNAUTHORIZED, "Client certificate status unknown"),
    PURPOSE_REQUIRED("access.purpose_required", HttpStatus.BAD_REQUEST, "Purpose required"),
    UNKNOWN_PURPOSE("access.unknown_purpose", HttpStatus.BAD_REQUEST, "Unknown purpose"),
    NOTHING_RELEASED("access.nothing_released", HttpStatus.FORBIDDEN, "No field may be released"),
    UNKNOWN_MATTER("matter.unknown", HttpStatus.NOT_FOUND, "Unknown matter"),
    UNKNOWN_MATERIAL_TYPE("material.unknown_type", HttpStatus.BAD_REQUEST, "Unknown material type"),
    EMPTY_MATERIAL("material.empty", HttpStatus.BAD_REQUEST, "Empty material"),
    UNRECOGNISED_CONTENT("material.unrecognised_content", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unrecognised content"),
    KIND_NOT_ACCEPTED("material.kind_not_accepted", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File kind not accepted"),
    WRONG_APPLICANT("submission.wrong_applicant", HttpStatus.UNPROCESSABLE_ENTITY, "Wrong kind of applicant"),
    SUBMISSION_NOT_FOUND("submission.not_found", HttpStatus.NOT_FOUND, "No such submission"),
    SUBMISSION_INCOMPLETE("submission.incomplete", HttpStatus.UNPROCESSABLE_ENTITY, "Application incomplete"),
    MATERIAL_NOT_PENDING("submission.material_not_pending", HttpStatus.CONFLICT, "Material not owed"),
    MATERIAL_UNSUITABLE("submission.material_unsuitable", HttpStatus.UNPROCESSABLE_ENTITY, "Material unsuitable"),
    IDEMPOTENCY_KEY_REQUIRED("idempotency.key_required", HttpStatus.BAD_REQUEST, "Idempotency-Key required"),
    IDEMPOTENCY_KEY_REUSED("idempotency.key_reused", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused"),
    IDEMPOTENCY_IN_FLIGHT("idempotency.in_flight", HttpStatus.CONFLICT, "Request in flight"),
    MATERIAL_NOT_FOUND("material.not_found", HttpStatus.NOT_FOUND, "No such material"),
    LICENCE_NOT_FOUND("licence.not_found", HttpStatus.NOT_FOUND, "No such licence"),
    INVALID_LICENCE_IDENTIFIER("licence.invalid_identifier", HttpStatus.BAD_REQUEST, "Invalid licence identifier"),
    INVALID_LICENCE("licence.invalid_document", HttpStatus.UNPROCESSABLE_ENTITY, "Invalid licence document"),
    UNKNOWN_LICENCE_TYPE("licence.unknown_type", HttpStatus.UNPROCESSABLE_ENTITY, "Unknown licence type"),
    LICENCE_NOT_TRUSTED("licence.signature_invalid", HttpStatus.UNPROCESSABLE_ENTITY, "Licence signature invalid"),
    LICENCE_EXISTS("licence.exists", HttpStatus.CONFLICT, "Licence already held"),
    NOT_THE_ISSUER("licence.not_issuer", HttpStatus.FORBIDDEN, "Only the issuer may do this"),
    LICENCE_ALREADY_REVOKED("licence.already_revoked", HttpStatus.CONFLICT, "Licence already revoked"),
    RATE_LIMITED("access.rate_limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL("bus.internal_error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ErrorCode(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}

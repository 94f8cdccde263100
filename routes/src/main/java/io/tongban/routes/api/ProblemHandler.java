package io.tongban.routes.api;

import io.tongban.mappings.InvalidIdentifierException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves the API as problem+json (RFC 9457) carrying a stable {@code code}. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail detail = Problems.of(problem.error(), problem.getMessage());
        problem.properties().forEach(detail::setProperty);
        return Problems.response(detail);
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<ProblemDetail> invalidIdentifier(InvalidIdentifierException invalid) {
        ProblemDetail detail = Problems.of(ErrorCode.INVALID_IDENTIFIER, invalid.getMessage());
        detail.setProperty("reason", invalid.reason().name());
        return Problems.response(detail);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception unexpected) {
        LOG.error("Unexpected failure", unexpected);
        return Problems.response(Problems.of(ErrorCode.INTERNAL, "The bus could not complete the request"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ErrorCode error = codeOf(ex, statusCode);
        ProblemDetail detail = Problems.of(error, detailOf(ex, error));
        if (body instanceof ProblemDetail spring && spring.getInstance() != null) {
            detail.setInstance(spring.getInstance());
        }
        return ResponseEntity.status(error.status()).headers(headers).contentType(Problems.PROBLEM_JSON).body(detail);
    }

    private static ErrorCode codeOf(Exception ex, HttpStatusCode status) {
        if (Problems.causedByOversizedBody(ex) || ex instanceof MaxUploadSizeExceededException) {
            return ErrorCode.PAYLOAD_TOO_LARGE;
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return ErrorCode.MALFORMED_REQUEST;
        }
        if (ex instanceof MethodArgumentNotValidException) {
            return ErrorCode.INVALID_REQUEST;
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ErrorCode.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException) {
            return ErrorCode.NOT_FOUND;
        }
        return status.is4xxClientError() ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
    }

    private static String detailOf(Exception ex, ErrorCode error) {
        return switch (error) {
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the bus accepts";
            case MALFORMED_REQUEST -> "The request body is not well-formed JSON of the expected shape";
            case INVALID_REQUEST -> ex instanceof MethodArgumentNotValidException invalid
                    ? invalid.getBindingResult().getFieldErrors().stream()
                        .map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().toList().toString()
                    : ex.getMessage();
            default -> ex.getMessage();
        };
    }
}

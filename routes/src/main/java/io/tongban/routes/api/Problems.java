package io.tongban.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem documents of the API, so that every one has the same shape. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    static ProblemDetail of(ErrorCode error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setTitle(error.title());
        problem.setType(URI.create("https://tongban.io/problems/" + error.code()));
        problem.setProperty("code", error.code());
        return problem;
    }

    /** For filters, which answer before Spring MVC (and its exception handlers) is reached. */
    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode error, String detail) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), of(error, detail));
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    static boolean causedByOversizedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}

package io.tongban.routes.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it: an encoded slash in the path, an
 * oversized header, a malformed request line) as problem+json like every other error of the API, never an HTML
 * page. Tomcat creates this valve by its class name, so it knows nothing of Spring and writes its JSON by hand.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode error = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.NOT_READY;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
        };
        String body = "{\"type\":\"https://tongban.io/problems/" + error.code() + "\",\"title\":\"" + error.title()
                + "\",\"status\":" + status + ",\"detail\":\"The HTTP server refused the request before the bus read it"
                + " (status " + status + ")\",\"code\":\"" + error.code() + "\"}";
        try {
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing to tell
        }
    }
}

package io.tongban.routes.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.Digests;
import io.tongban.routes.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Logs every API exchange ({@code /api/*}, see {@link AuditConfiguration}), answered or refused: the answer is held
 * back until its entry (and the entries of the department calls behind it) is durable, and replaced by 503 {@code audit.unavailable} when it cannot be.
 */
class ExchangeLogFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "Tongban-Correlation-Id";
    static final String INDEX_HEADER = "Tongban-Log-Index";

    private final ExchangeLog log;
    private final SubjectHasher hasher;
    private final ObjectMapper json;
    private final int maxBodyBytes;
    /** Names the operation of a request refused before Spring MVC saw it (by authentication, say). */
    private final ObjectProvider<RequestMappingHandlerMapping> operations;

    ExchangeLogFilter(ExchangeLog log, SubjectHasher hasher, ObjectMapper json, int maxBodyBytes,
                      ObjectProvider<RequestMappingHandlerMapping> operations) {
        this.log = log;
        this.hasher = hasher;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.operations = operations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long startNanos = System.nanoTime();
        ExchangeContext context = new ExchangeContext(CorrelationIds.next(), Instant.now(), hasher,
                request.getHeader("Tongban-Acting-User"), request.getHeader("Tongban-Purpose"),
                request.getHeader("Tongban-Case"));
        ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, maxBodyBytes);
        ContentCachingResponseWrapper heldResponse = new ContentCachingResponseWrapper(response);
        response.setHeader(CORRELATION_HEADER, context.correlationId());
        context.earlyRecorder(() -> {
            record(context, cachedRequest, heldResponse, startNanos, null);
            return response.getOutputStream();
        });
        ExchangeContext.bind(context);
        try {
            chain.doFilter(cachedRequest, heldResponse);
        } finally {
            ExchangeContext.unbind();
        }
        if (context.recorded()) {
            return; // a streamed answer, recorded before it began
        }
        try {
            record(context, cachedRequest, heldResponse, startNanos,
                    "sha256:" + Digests.sha256Hex(heldResponse.getContentAsByteArray()));
        } catch (AuditUnavailableException unavailable) {
            heldResponse.resetBuffer();
            Problems.write(response, json, unavailable.error(), unavailable.getMessage());
            return;
        }
        heldResponse.copyBodyToResponse();
    }

    private void record(ExchangeContext context, ContentCachingRequestWrapper request, HttpServletResponse response,
                        long startNanos, String responseDigest) {
        if (response.getStatus() >= 400 && response instanceof ContentCachingResponseWrapper held) {
            context.error(problemCode(held));
        }
        String query = request.getQueryString();
        String requestLine = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        long[] indexes = log.record(context.entries(operationOf(request), response.getStatus(),
                (System.nanoTime() - startNanos) / 1_000_000,
                hasher.requestDigest(requestLine, request.getContentAsByteArray()), responseDigest));
        if (indexes.length > 0) {
            response.setHeader(INDEX_HEADER, Long.toString(indexes[0]));
        }
    }

    /** The stable code of a problem+json answer, as every error of the API carries one. */
    private String problemCode(ContentCachingResponseWrapper response) {
        String type = response.getContentType();
        if (type == null || !type.startsWith(Problems.PROBLEM_JSON.toString())) {
            return null;
        }
        try {
            JsonNode code = json.readTree(response.getContentAsByteArray()).get("code");
            return code == null ? null : code.asText();
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The operation by its route pattern, never by its path, which may hold an identifier. */
    private String operationOf(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) == null) {
            try {
                operations.getObject().getHandler(request); // matching sets the pattern attribute
            } catch (Exception noSuchOperation) {
                // left unnamed below
            }
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null || "/**".equals(pattern) ? "(no such operation)" : pattern.toString();
        return request.getMethod() + " " + route;
    }

}

package io.tongban.routes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals of access as problem+json: 401 {@code access.unauthenticated} (with the RFC 6750 challenge) when no valid
 * credential came, 403 {@code access.forbidden} when the caller's roles do not cover the operation.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    AccessProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        response.setHeader("WWW-Authenticate", badToken
                ? "Bearer error=\"invalid_token\", error_description=\"the bearer token was not accepted\"" : "Bearer");
        Problems.write(response, json, ErrorCode.ACCESS_UNAUTHENTICATED, badToken
                ? "The bearer token was not accepted: " + failure.getMessage()
                : "This operation needs a bearer token (Authorization: Bearer ...) or a client certificate");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Problems.write(response, json, ErrorCode.ACCESS_FORBIDDEN,
                "The caller's roles do not allow " + request.getMethod() + " on this resource");
    }
}

package io.tongban.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server opens before the Camel routes have started; until the application is ready (and again while it
 * shuts down), API calls get a 503 to retry rather than a failure from a half-started bus.
 */
// first of the bus's filters: before the bus is ready, not even the exchange log is
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ReadinessFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final ObjectMapper json;

    public ReadinessFilter(ApplicationAvailability availability, ObjectMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "1");
        Problems.write(response, json, ErrorCode.NOT_READY, "The bus is starting or stopping");
    }
}

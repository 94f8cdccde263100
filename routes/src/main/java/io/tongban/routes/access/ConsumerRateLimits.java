package io.tongban.routes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per second per consumer, keyed by the authenticated identity (never the address, which a platform's
 * many windows share and an attacker changes): 429 {@code access.rate_limited} with {@code Retry-After} beyond it.
 */
final class ConsumerRateLimits extends OncePerRequestFilter {

    private final RateLimiterRegistry limiters;
    private final Map<String, Integer> perConsumer;
    private final ObjectMapper json;

    ConsumerRateLimits(int defaultPerSecond, Map<String, Integer> perConsumer, ObjectMapper json) {
        this.limiters = RateLimiterRegistry.of(config(defaultPerSecond));
        this.perConsumer = Map.copyOf(perConsumer);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || "anonymous".equals(caller.getName())) {
            chain.doFilter(request, response); // public operations: the server's own limits apply
            return;
        }
        String consumer = caller.getName();
        Integer own = perConsumer.get(consumer);
        RateLimiter limiter = own == null ? limiters.rateLimiter(consumer) : limiters.rateLimiter(consumer, config(own));
        if (!limiter.acquirePermission()) {
            response.setHeader("Retry-After", "1");
            Problems.write(response, json, ErrorCode.RATE_LIMITED, "More than "
                    + limiter.getRateLimiterConfig().getLimitForPeriod() + " requests per second from " + consumer);
            return;
        }
        chain.doFilter(request, response);
    }

    private static RateLimiterConfig config(int perSecond) {
        return RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }
}

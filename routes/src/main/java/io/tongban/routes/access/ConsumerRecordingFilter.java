package io.tongban.routes.access;

import io.tongban.routes.audit.ExchangeContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Tells the exchange log who asked, once the caller is authenticated, so that every entry names its consumer. */
final class ConsumerRecordingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated()) {
            ExchangeContext.current().ifPresent(context -> context.consumer(caller.getName()));
        }
        chain.doFilter(request, response);
    }
}

package io.tongban.routes.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the auditor console (static files under {@code static/audit/}) at {@code /audit/}. {@code /audit} redirects
 * there, so that the page's relative links to its script and to the API resolve the same way behind any prefix.
 */
@Configuration
public class AuditConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
    }
}

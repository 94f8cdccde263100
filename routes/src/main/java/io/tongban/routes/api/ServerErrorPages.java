package io.tongban.routes.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProblemErrorReportValve} in the place of Tomcat's HTML error pages. */
@Configuration(proxyBeanMethods = false)
class ServerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host reads the valve class when it starts, after the contexts are prepared.
        factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }
}

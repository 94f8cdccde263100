package io.tongban.connectors;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The threads department calls run on when a circuit breaker times them out (every guarded call in
 * {@link DepartmentRouteBuilder}). Without it, each call would start a
 * thread of its own, or share the JVM's common pool of one thread per core, far too few for blocking I/O.
 */
@AutoConfiguration
public class DepartmentCallPoolConfiguration {

    @Bean(destroyMethod = "shutdown")
    ExecutorService departmentCallPool(CamelContext camel, @Value("${bus.connectors.call-threads:256}") int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile("departmentCallPool");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(threads * 4);
        return camel.getExecutorServiceManager().newThreadPool(this, "department-call", profile);
    }
}

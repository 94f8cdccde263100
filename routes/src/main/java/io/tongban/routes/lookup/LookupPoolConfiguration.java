package io.tongban.routes.lookup;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The threads that wait on departments during a fan-out: sized for I/O waits, not for CPU. */
@Configuration(proxyBeanMethods = false)
public class LookupPoolConfiguration {

    @Bean(destroyMethod = "shutdown")
    ExecutorService busLookupPool(CamelContext camel, @Value("${bus.lookup.threads}") int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile("busLookupPool");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(threads * 50);
        return camel.getExecutorServiceManager().newThreadPool(this, "bus-lookup", profile);
    }
}

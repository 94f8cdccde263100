package io.tongban.routes.broker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker keeps Artemis's journal buffer timeout, tuned for slow disks, unless told otherwise: durable
 * sends then crawl (field notes). Journal sync stays on: an acknowledged message must survive a crash.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerTuning {

    @Bean
    ArtemisConfigurationCustomizer journalBufferTimeout(@Value("${bus.broker.journal-buffer-timeout-ns}") int nanos) {
        return configuration -> {
            configuration.setJournalBufferTimeout_NIO(nanos);
            configuration.setJournalBufferTimeout_AIO(nanos);
        };
    }
}

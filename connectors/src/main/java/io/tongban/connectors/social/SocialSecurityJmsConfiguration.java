package io.tongban.connectors.social;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The JMS component for social security's own broker, kept apart from the bus's broker: the department's
 * queues are its own, reached over the network like any other department system.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bus.connectors.social-security.enabled", matchIfMissing = true)
public class SocialSecurityJmsConfiguration {

    @Bean
    JmsComponent socialSecurityJms(@Value("${bus.connectors.social-security.broker-url}") String brokerUrl,
                                   @Value("${bus.connectors.social-security.user:}") String user,
                                   @Value("${bus.connectors.social-security.password:}") String password,
                                   @Value("${bus.connectors.social-security.sessions:64}") int sessionCacheSize) {
        ActiveMQConnectionFactory department = new ActiveMQConnectionFactory(brokerUrl);
        if (!user.isEmpty()) {
            department.setUser(user);
            department.setPassword(password);
        }
        CachingConnectionFactory cached = new CachingConnectionFactory(department);
        // one cached session per concurrent request: otherwise each request opens a session of its own
        cached.setSessionCacheSize(sessionCacheSize);
        return JmsComponent.jmsComponent(cached);
    }
}

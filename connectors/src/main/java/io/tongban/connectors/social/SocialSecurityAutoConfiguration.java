package io.tongban.connectors.social;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.description.ConditionalOnConnector;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Social security's connector, on when its broker is configured: the routes, the descriptor, and the JMS component
 * for the department's own broker, kept apart from the bus's broker: the department's queues are its own, reached
 * over the network like any other department system.
 */
@AutoConfiguration
@ConditionalOnConnector(SocialSecurityConnector.SOURCE)
public class SocialSecurityAutoConfiguration {

    @Bean
    SocialSecurityConnector socialSecurityConnector() {
        return new SocialSecurityConnector();
    }

    @Bean
    ConnectorDescriptor socialSecurityConnectorDescriptor() {
        return SocialSecurityConnector.descriptor();
    }

    @Bean
    JmsComponent socialSecurityJms(@Value("${bus.connectors.social-security.broker-url}") String brokerUrl,
                                   @Value("${bus.connectors.social-security.user:}") String user,
                                   @Value("${bus.connectors.social-security.password:}") String password,
                                   @Value("${bus.connectors.social-security.sessions}") int sessionCacheSize) {
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

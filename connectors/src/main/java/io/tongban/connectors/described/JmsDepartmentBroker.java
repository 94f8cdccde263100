package io.tongban.connectors.described;

import io.tongban.connectors.description.ConnectorDescription;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The JMS component a described JMS connector reaches its department's own Artemis broker with, kept apart from the
 * bus's broker: the department's queues are its own, reached over the network like any other department system.
 */
final class JmsDepartmentBroker {

    private JmsDepartmentBroker() {
    }

    static JmsComponent of(ConnectorDescription description, Environment environment) {
        ActiveMQConnectionFactory department =
                new ActiveMQConnectionFactory(environment.getRequiredProperty(description.key("broker-url")));
        String user = environment.getProperty(description.key("user"), "");
        if (!user.isEmpty()) {
            department.setUser(user);
            department.setPassword(environment.getProperty(description.key("password"), ""));
        }
        CachingConnectionFactory cached = new CachingConnectionFactory(department);
        // one cached session per concurrent request: otherwise each request opens a session of its own
        cached.setSessionCacheSize(environment.getRequiredProperty(description.key("sessions"), Integer.class));
        return JmsComponent.jmsComponent(cached);
    }
}

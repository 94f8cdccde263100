package io.tongban.connectors.described;

import io.tongban.connectors.description.ConnectorDescription;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The connections a described JMS connector reaches its department's own Artemis broker with, kept apart from the
 * bus's broker: the department's queues are its own, reached over the network like any other department system.
 * A bean, so that the context closes the connections when it stops; not a ConnectionFactory bean, which would take
 * the place of the bus's own broker connections in Spring Boot's auto-configuration.
 */
final class JmsDepartmentBroker implements DisposableBean {

    private final CachingConnectionFactory connections;

    private JmsDepartmentBroker(CachingConnectionFactory connections) {
        this.connections = connections;
    }

    static JmsDepartmentBroker of(ConnectorDescription description, Environment environment) {
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
        return new JmsDepartmentBroker(cached);
    }

    /** The Camel component on these connections. */
    JmsComponent component() {
        return JmsComponent.jmsComponent(connections);
    }

    @Override
    public void destroy() {
        connections.destroy();
    }
}

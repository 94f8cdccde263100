package io.tongban.connectors.described;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.ConnectorSwitch;
import java.util.function.Supplier;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs every described department whose connector is switched on: its REST, SOAP or JMS routes (with the SOAP
 * client endpoint or the JMS component for the department's broker), its change-file feed, and the descriptor the
 * core finds it by. A department of this kind brings no Java: its folder is the connector.
 */
@AutoConfiguration
public class DescribedConnectorsAutoConfiguration {

    @Bean
    static BeanDefinitionRegistryPostProcessor describedConnectors(Environment environment) {
        return new Registrar(environment);
    }

    private record Registrar(Environment environment) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            for (ConnectorDescription description : ConnectorDescriptions.all()) {
                if (!description.described() || !ConnectorSwitch.on(description, environment)) {
                    continue;
                }
                String name = description.source() + "-described";
                if (description.protocol().equals("soap")) {
                    register(registry, name + "-connector", SoapConnector.class, () -> new SoapConnector(description));
                    register(registry, name + "-descriptor", ConnectorDescriptor.class,
                            () -> SoapConnector.descriptor(description));
                    register(registry, SoapConnector.serviceBean(description.source()), CxfEndpoint.class,
                            () -> SoapServiceEndpoint.of(description, environment));
                } else if (description.protocol().equals("jms")) {
                    register(registry, name + "-connector", JmsConnector.class, () -> new JmsConnector(description));
                    register(registry, name + "-descriptor", ConnectorDescriptor.class,
                            () -> JmsConnector.descriptor(description));
                    String broker = JmsConnector.component(description.source()) + "-broker";
                    register(registry, broker, JmsDepartmentBroker.class,
                            () -> JmsDepartmentBroker.of(description, environment));
                    register(registry, JmsConnector.component(description.source()), JmsComponent.class,
                            () -> ((BeanFactory) registry).getBean(broker, JmsDepartmentBroker.class).component());
                } else if (description.protocol().equals("file")) {
                    register(registry, name + "-descriptor", ConnectorDescriptor.class,
                            () -> RestConnector.descriptor(description));
                } else {
                    register(registry, name + "-connector", RestConnector.class, () -> new RestConnector(description));
                    register(registry, name + "-descriptor", ConnectorDescriptor.class,
                            () -> RestConnector.descriptor(description));
                }
                if (!description.protocol().equals("jms") && description.capabilities().contains(Capability.CHANGE_FEED)) {
                    register(registry, name + "-change-file", ChangeFileFeed.class, () -> new ChangeFileFeed(description));
                }
            }
        }

        private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type,
                                         Supplier<T> supplier) {
            registry.registerBeanDefinition(name,
                    BeanDefinitionBuilder.genericBeanDefinition(type, supplier).getBeanDefinition());
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // bean definitions only
        }
    }
}

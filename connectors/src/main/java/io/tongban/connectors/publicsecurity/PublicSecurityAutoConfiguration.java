package io.tongban.connectors.publicsecurity;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.description.ConditionalOnConnector;
import io.tongban.connectors.publicsecurity.wsdl.Rkxx;
import java.util.HashMap;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Public security's connector, on when its URL is configured: the routes, the descriptor, and the CXF client
 * endpoint for the population service, with schema validation, timeouts and the digest of every answer over the
 * bytes received.
 */
@AutoConfiguration
@ConditionalOnConnector(PublicSecurityConnector.SOURCE)
public class PublicSecurityAutoConfiguration {

    @Bean
    PublicSecurityConnector publicSecurityConnector() {
        return new PublicSecurityConnector();
    }

    @Bean
    ConnectorDescriptor publicSecurityConnectorDescriptor() {
        return PublicSecurityConnector.descriptor();
    }

    @Bean
    CxfEndpoint publicSecurityRkxx(@Value("${bus.connectors.public-security.url}") String url,
                                   @Value("${bus.connectors.public-security.connect-timeout-ms}") long connectTimeout,
                                   @Value("${bus.connectors.public-security.response-timeout-ms}") long responseTimeout) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(url);
        endpoint.setServiceClass(Rkxx.class);
        endpoint.setWsdlURL("classpath:departments/public-security/rkxx.wsdl");
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSchemaValidationEnabled(true);
        // Camel merges each route's endpoint options into this map; left unset, the first route's immutable map
        // is kept and the second route using the endpoint fails to start.
        endpoint.setProperties(new HashMap<>());
        endpoint.setCxfConfigurer(new Timeouts(connectTimeout, responseTimeout));
        endpoint.getInInterceptors().add(new SoapResponseDigest());
        return endpoint;
    }

    private record Timeouts(long connectTimeout, long responseTimeout) implements CxfConfigurer {
        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factory) {
            // nothing beyond the endpoint's own settings
        }

        @Override
        public void configureClient(Client client) {
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(connectTimeout);
            policy.setReceiveTimeout(responseTimeout);
            ((HTTPConduit) client.getConduit()).setClient(policy);
        }

        @Override
        public void configureServer(Server server) {
            // a client only
        }
    }
}

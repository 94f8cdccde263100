package io.tongban.connectors.described;

import io.tongban.connectors.description.ConnectorDescription;
import java.util.HashMap;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.core.env.Environment;

/**
 * The CXF client endpoint a described SOAP connector calls: the department's address, its WSDL's one service and
 * port, PAYLOAD mode (the request and answer elements as XML, no generated classes), the described timeouts, and
 * the digest of every answer over the bytes received.
 */
final class SoapServiceEndpoint {

    private SoapServiceEndpoint() {
    }

    static CxfEndpoint of(ConnectorDescription description, Environment environment) {
        SoapDescription soap = SoapDescription.read(description);
        WsdlContract wsdl = WsdlContract.read(soap.wsdl());
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(environment.getRequiredProperty(description.key("url")));
        endpoint.setWsdlURL("classpath:" + soap.wsdl());
        endpoint.setServiceNameAsQName(wsdl.service());
        endpoint.setPortNameAsQName(wsdl.port());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        // Camel merges each route's endpoint options into this map; left unset, the first route's immutable map
        // is kept and the second route using the endpoint fails to start.
        endpoint.setProperties(new HashMap<>());
        endpoint.setCxfConfigurer(new Timeouts(
                environment.getRequiredProperty(description.key("connect-timeout-ms"), Long.class),
                environment.getRequiredProperty(description.key("response-timeout-ms"), Long.class)));
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

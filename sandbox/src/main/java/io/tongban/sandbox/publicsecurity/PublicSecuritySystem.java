package io.tongban.sandbox.publicsecurity;

import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.Seed;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public security line system: the RKXX SOAP service on CXF's Jetty transport, schema validation on,
 * with residence-permit applications decided asynchronously behind SubmitApplication and FetchDecisions.
 * CXF's StAX parser refuses DOCTYPE declarations by default, which keeps external entities out; nothing
 * here relaxes that.
 */
public final class PublicSecuritySystem implements SystemKnobs.Listening, AutoCloseable {

    public static final String PATH = "/ga/rkxx";

    private final DecisionDesk desk;
    private final RkxxEndpoint endpoint;
    private final String address;
    private final int port;
    private Server server;

    /** @param port a concrete port: CXF's Jetty engines are registered by port number */
    public PublicSecuritySystem(Seed seed, SystemKnobs knobs, String host, int port, Duration decisionDelay,
                                Clock clock) {
        Map<String, Person> persons = seed.persons().stream()
                .collect(Collectors.toUnmodifiableMap(Person::identityNumber, Function.identity()));
        this.desk = new DecisionDesk("public-security", "GASL", new PublicSecurityRules(persons, clock), decision -> { },
                decisionDelay, clock);
        this.endpoint = new RkxxEndpoint(persons, knobs, desk);
        this.port = port;
        this.address = "http://" + host + ":" + port + PATH;
        startListening();
        knobs.bind(this);
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** How often each application was received and decided. */
    public ApplicationCounts applications() {
        return desk.counts();
    }

    @Override
    public synchronized void startListening() {
        if (server != null) {
            return;
        }
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setServiceBean(endpoint);
        factory.setAddress(address);
        factory.setWsdlLocation("classpath:wsdl/rkxx.wsdl");
        factory.getProperties(true).put("schema-validation-enabled", Boolean.TRUE);
        server = factory.create();
    }

    /** Stops the endpoint and its Jetty engine, so that the port refuses connections. */
    @Override
    public synchronized void stopListening() {
        if (server != null) {
            server.stop();
            server.destroy();
            server = null;
            JettyHTTPServerEngineFactory.destroyForPort(port);
        }
    }

    /** Down (the knob) only closes the port; close also stops deciding. */
    @Override
    public void close() {
        stopListening();
        desk.close();
    }
}

package io.tongban.connectors;

import io.tongban.sandbox.Sandbox;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the connectors against the sandbox over the departments' real protocols. Every
 * subclass shares one Spring context and one sandbox; each test starts with normal knobs and closed breakers.
 */
@SpringBootTest(classes = ConnectorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(ConnectorIntegrationTest.SandboxLifecycle.class)
public abstract class ConnectorIntegrationTest {

    /** What a timing assertion allows beyond the configured time: the build machine is shared and often loaded. */
    protected static final Duration SLACK = Duration.ofMillis(1500);

    @Autowired
    protected CamelContext camel;
    @Autowired
    protected ProducerTemplate producer;
    @Autowired
    protected Environment environment;
    @Autowired
    protected CoreEndpointsStandIn core;
    @Autowired
    protected DepartmentCallCounter calls;

    protected final Sandbox sandbox = SandboxDepartments.shared().sandbox();

    @DynamicPropertySource
    static void departments(DynamicPropertyRegistry registry) {
        SandboxDepartments departments = SandboxDepartments.shared();
        Sandbox sandbox = departments.sandbox();
        registry.add("bus.connectors.public-security.url", sandbox::publicSecurityAddress);
        registry.add("bus.connectors.market-supervision.url", sandbox::marketSupervisionUrl);
        registry.add("bus.connectors.market-supervision.feed-directory", () -> departments.feedDirectory().toString());
        registry.add("bus.connectors.tax.url", sandbox::taxUrl);
        registry.add("bus.connectors.social-security.broker-url", sandbox::socialSecurityBrokerUrl);
    }

    private static boolean warmedUp;

    @BeforeEach
    void normalDepartmentsAndClosedBreakers() {
        sandbox.resetKnobs();
        warmUpOnce();
        CircuitBreakers.resetAll(camel);
    }

    /**
     * A connector's first call builds its client (CXF parses the WSDL, HTTP and JMS clients connect), which on a
     * loaded machine can take longer than the breaker's timeout; the scenarios measure calls after that.
     */
    private void warmUpOnce() {
        synchronized (ConnectorIntegrationTest.class) {
            if (warmedUp) {
                return;
            }
            String person = sandbox.seed().demoPerson().identityNumber();
            String company = sandbox.seed().demoCompany().creditCode();
            for (ConnectorDescriptor connector : camel.getRegistry().findByType(ConnectorDescriptor.class)) {
                connector.endpoints().forEach((capability, endpoint) -> {
                    Object subject = switch (capability) {
                        case PERSON_LOOKUP -> person;
                        case ENTITY_LOOKUP -> company;
                        case IDENTITY_CHECK -> new IdentityCheckRequest(person, sandbox.seed().demoPerson().name());
                        case CHANGE_FEED, SUBMISSION_DELIVERY, DECISION_FEED -> null;
                    };
                    if (subject != null) {
                        Awaitility.await("first answer of " + endpoint).atMost(Duration.ofSeconds(60))
                                .pollInterval(Duration.ofMillis(500))
                                .until(() -> answered(ask(endpoint, subject, Object.class)));
                    }
                });
            }
            warmedUp = true;
        }
    }

    private static boolean answered(Object answer) {
        return answer instanceof LookupResult lookup ? lookup.status() == LookupResult.Status.FOUND
                : answer instanceof IdentityCheckResult check && check.consistent() != null;
    }

    @AfterEach
    void leaveDepartmentsNormal() {
        sandbox.resetKnobs();
    }

    /** Asks a connector endpoint, as the core does, and returns its answer. */
    protected <T> T ask(String endpoint, Object body, Class<T> answer) {
        return producer.requestBody(endpoint, body, answer);
    }

    protected ConnectorDescriptor descriptor(String source) {
        return camel.getRegistry().findByType(ConnectorDescriptor.class).stream()
                .filter(descriptor -> descriptor.source().equals(source))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no connector descriptor for " + source));
    }

    protected long millis(String key) {
        return environment.getRequiredProperty(key, Long.class);
    }

    /** Closes the shared sandbox with the context that uses it, after Camel has stopped. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SandboxLifecycle {
        @Bean(destroyMethod = "close")
        SandboxDepartments sandboxDepartments() {
            return SandboxDepartments.shared();
        }
    }
}

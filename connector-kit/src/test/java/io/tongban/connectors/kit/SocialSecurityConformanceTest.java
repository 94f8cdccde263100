package io.tongban.connectors.kit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit against the described social security connector (JMS on its own broker), stood in from its folder alone. */
@DisplayName("Social security connector conformance (stand-in: DescribedJmsStandIn, a test double)")
class SocialSecurityConformanceTest extends ConnectorConformanceTest {

    private static final DescribedJmsStandIn SOCIAL_SECURITY = DescribedJmsStandIn.of("social-security");

    @DynamicPropertySource
    static void department(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.social-security.broker-url", SOCIAL_SECURITY::url);
    }

    @AfterAll
    static void stop() {
        SOCIAL_SECURITY.close();
    }

    @Override
    protected String source() {
        return "social-security";
    }

    @Override
    protected DepartmentStandIn standIn() {
        return SOCIAL_SECURITY;
    }
}

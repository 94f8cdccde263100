package io.tongban.connectors.kit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit against the described public security connector (SOAP), stood in from its folder (WSDL included) alone. */
@DisplayName("Public security connector conformance (stand-in: DescribedSoapStandIn, a test double)")
class PublicSecurityConformanceTest extends ConnectorConformanceTest {

    private static final DescribedSoapStandIn PUBLIC_SECURITY = DescribedSoapStandIn.of("public-security");

    @DynamicPropertySource
    static void department(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.public-security.url", PUBLIC_SECURITY::url);
    }

    @AfterAll
    static void stop() {
        PUBLIC_SECURITY.close();
    }

    @Override
    protected String source() {
        return "public-security";
    }

    @Override
    protected DepartmentStandIn standIn() {
        return PUBLIC_SECURITY;
    }
}

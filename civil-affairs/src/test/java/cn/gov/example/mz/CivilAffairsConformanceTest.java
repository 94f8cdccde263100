package cn.gov.example.mz;

import io.tongban.connectors.kit.ConnectorConformanceTest;
import io.tongban.connectors.kit.DepartmentStandIn;
import io.tongban.connectors.kit.DescribedRestStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conformance kit against civil affairs' marriage registration, stood in from the department's folder alone. */
@DisplayName("Civil affairs connector conformance (stand-in: DescribedRestStandIn, a test double)")
class CivilAffairsConformanceTest extends ConnectorConformanceTest {

    private static final DescribedRestStandIn MARRIAGE_REGISTRATION = DescribedRestStandIn.of("civil-affairs");

    @DynamicPropertySource
    static void department(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.civil-affairs.url", MARRIAGE_REGISTRATION::url);
    }

    @AfterAll
    static void stop() {
        MARRIAGE_REGISTRATION.close();
    }

    @Override
    protected String source() {
        return "civil-affairs";
    }

    @Override
    protected DepartmentStandIn standIn() {
        return MARRIAGE_REGISTRATION;
    }
}

package io.tongban.connectors.kit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit against the described tax connector (REST/XML), stood in from tax's folder alone. */
@DisplayName("Tax connector conformance (stand-in: DescribedRestStandIn, a test double)")
class TaxConformanceTest extends ConnectorConformanceTest {

    private static final DescribedRestStandIn TAX = DescribedRestStandIn.of("tax");

    @DynamicPropertySource
    static void department(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.tax.url", TAX::url);
    }

    @AfterAll
    static void stop() {
        TAX.close();
    }

    @Override
    protected String source() {
        return "tax";
    }

    @Override
    protected DepartmentStandIn standIn() {
        return TAX;
    }
}

package io.tongban.connectors.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit against the described market-supervision connector (REST/JSON), stood in from its folder alone. */
@DisplayName("Market supervision connector conformance (stand-in: DescribedRestStandIn, a test double)")
class MarketSupervisionConformanceTest extends ConnectorConformanceTest {

    private static final Path FEED = feedDirectory();
    private static final DescribedRestStandIn MARKET_SUPERVISION = DescribedRestStandIn.of("market-supervision")
            .dropsChangesInto(FEED, "QYBG_20261203.csv");

    @DynamicPropertySource
    static void department(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.market-supervision.url", MARKET_SUPERVISION::url);
        registry.add("bus.connectors.market-supervision.feed-directory", FEED::toString);
    }

    private static Path feedDirectory() {
        try {
            return Files.createTempDirectory("tongban-kit-feed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        MARKET_SUPERVISION.close();
    }

    @Override
    protected String source() {
        return "market-supervision";
    }

    @Override
    protected DepartmentStandIn standIn() {
        return MARKET_SUPERVISION;
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.Person;
import java.util.Map;
import org.example.housingfund.HousingFundConnector;
import org.example.housingfund.HousingFundStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fifth department joins by its connector package, its mapping spec and configuration alone: the bus includes it in
 * every person lookup and merges what it says, with no change to the core.
 */
@Import(HousingFundConnector.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NewDepartmentConnectorTest extends SandboxedBusTest {

    private static final Person PERSON = SeedSubjects.personInEverySource();
    private static final String FUND_ADDRESS = "广东省深圳市罗湖区公积金路9号";
    private static final HousingFundStandIn FUND = new HousingFundStandIn(Map.of(
            "ZJHM", PERSON.identityNumber(), "XM", PERSON.name(), "JZDZ", FUND_ADDRESS, "DWMC", "深圳某某科技有限公司"));

    @DynamicPropertySource
    static void housingFund(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.housing-fund.url", FUND::url);
        registry.add("bus.connectors.housing-fund.connect-timeout-ms", () -> "1000");
        registry.add("bus.connectors.housing-fund.response-timeout-ms", () -> "2000");
        registry.add("bus.connectors.housing-fund.redeliveries", () -> "0");
        registry.add("bus.connectors.housing-fund.redelivery-delay-ms", () -> "0");
        registry.add("camel.resilience4j.configurations.housing-fund.timeout-enabled", () -> "true");
        registry.add("camel.resilience4j.configurations.housing-fund.timeout-duration", () -> "2500");
    }

    @AfterAll
    static void closeFund() {
        FUND.close();
    }

    @Test
    @DisplayName("The new department is asked in the person lookup; what it says is merged, its disagreement shown")
    void newDepartmentJoinsTheLookup() {
        JsonNode body = get("/api/v1/persons/" + PERSON.identityNumber()).body();

        assertThat(sourceStatus(body, "housing-fund")).isEqualTo("REFRESHED");
        assertThat(sourceStatus(body, "public-security")).isEqualTo("REFRESHED");
        assertThat(body.path("fields").path("address").path("source").asText()).isEqualTo("public-security");
        assertThat(body.path("conflicts").findValuesAsText("value")).contains(FUND_ADDRESS);
    }

    @Test
    @DisplayName("A person the new department does not hold: it answers NOT_FOUND and the lookup is whole")
    void newDepartmentNotHoldingThePerson() {
        Person other = SeedSubjects.personInEverySource();

        JsonNode body = get("/api/v1/persons/" + other.identityNumber()).body();

        assertThat(sourceStatus(body, "housing-fund")).isEqualTo("NOT_FOUND");
        assertThat(body.path("degraded").asBoolean()).isFalse();
    }
}

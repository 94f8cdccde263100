package io.tongban.connectors.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tongban.connectors.Capability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@DisplayName("Connector descriptions are checked when they load, each problem named by file and field")
class ConnectorDescriptionsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-capability | capabilities: unknown capability 'PERSON_LOOKUPS'
            missing-parameter  | parameters.response-timeout-ms: missing
            loose-timeout      | parameters.response-timeout-ms.default: 3000 ms does not nest inside breaker.timeout-duration (2500 ms)
            unknown-field      | specs.person:
            undocumented       | parameters.url.title: missing
            misspelt           | capabilites: unknown key
            wrong-folder       | source: 'someone-else' is not the folder's name
            soap-unknown-operation | soap.person-lookup.operation: departments/public-security/rkxx.wsdl: (file): port type Rkxx has no operation QueryPersons
            soap-unknown-child     | soap.person-lookup.request.SFZH: not a child of QueryPerson in the WSDL [GMSFHM]
            jms-undeclared-queue   | parameters.request-queue: missing (the jms section names it)
            """)
    void badDescriptionIsRefused(String folder, String problem) {
        String location = "bad-departments/" + folder + "/connector.yaml";

        assertThatThrownBy(() -> ConnectorDescriptions.read(location))
                .isInstanceOf(InvalidDescriptionException.class)
                .hasMessageStartingWith(location + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    @DisplayName("a spec writing a field the canonical model does not have names the field")
    void unknownCanonicalFieldIsNamed() {
        assertThatThrownBy(() -> ConnectorDescriptions.read("bad-departments/unknown-field/connector.yaml"))
                .hasMessageContaining("'shoeSize' is not a canonical PERSON field");
    }

    @Test
    @DisplayName("the shipped departments describe themselves and need no Java")
    void shippedDescriptions() {
        assertThat(ConnectorDescriptions.all()).extracting(ConnectorDescription::source)
                .contains("public-security", "market-supervision", "tax", "social-security");
        assertThat(ConnectorDescriptions.of("tax").described()).isTrue();
        assertThat(ConnectorDescriptions.of("market-supervision").described()).isTrue();
        assertThat(ConnectorDescriptions.of("market-supervision").capabilities()).contains(Capability.CHANGE_FEED);
        assertThat(ConnectorDescriptions.of("public-security").described()).isTrue();
        assertThat(ConnectorDescriptions.of("social-security").described()).isTrue();
    }

    @Test
    @DisplayName("at start, a configured call timeout that outlasts its breaker refuses the start, naming the file and both keys")
    void configuredTimeoutMustNestInsideTheBreaker() {
        StandardEnvironment environment = environment(Map.of("bus.connectors.tax.url", "http://127.0.0.1:1",
                "bus.connectors.tax.response-timeout-ms", "2500"));

        assertThatThrownBy(() -> new ConnectorSettings().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(InvalidDescriptionException.class)
                .hasMessage("departments/tax/connector.yaml: parameters.response-timeout-ms: 2500 ms "
                        + "(bus.connectors.tax.response-timeout-ms) does not nest inside the breaker's 2500 ms "
                        + "(camel.resilience4j.configurations.tax.timeout-duration)");
    }

    @Test
    @DisplayName("at start, a breaker that outlasts the lookup refuses the start")
    void breakerMustNestInsideTheLookup() {
        StandardEnvironment environment = environment(Map.of("bus.connectors.tax.url", "http://127.0.0.1:1",
                "bus.lookup.timeout-ms", "2000"));

        assertThatThrownBy(() -> new ConnectorSettings().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageStartingWith("departments/tax/connector.yaml: breaker.timeout-duration: 2500 ms");
    }

    @Test
    @DisplayName("the descriptions' defaults and breaker settings land in the configuration, below what an operator sets")
    void defaultsAreTheLowestPrecedence() {
        StandardEnvironment environment = environment(Map.of("bus.connectors.tax.redeliveries", "3"));

        new ConnectorSettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("bus.connectors.tax.redeliveries")).isEqualTo("3");
        assertThat(environment.getProperty("bus.connectors.tax.response-timeout-ms")).isEqualTo("2000");
        assertThat(environment.getProperty("camel.resilience4j.configurations.tax.timeout-duration")).isEqualTo("2500");
        assertThat(environment.getProperty("camel.resilience4j.configurations.tax.timeout-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("bus.connectors.tax.url")).as("no sandbox value outside the sandbox profile").isNull();
        assertThat(ConnectorSwitch.missing(ConnectorDescriptions.of("tax"), environment)).isEqualTo(List.of("url"));
        assertThat(ConnectorSwitch.on(ConnectorDescriptions.of("tax"), environment)).isFalse();
    }

    @Test
    @DisplayName("under the sandbox profile each connector points at its sandbox line system, and is so switched on")
    void sandboxValues() {
        StandardEnvironment environment = environment(Map.of());
        environment.setActiveProfiles(ConnectorSettings.SANDBOX_PROFILE);

        new ConnectorSettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("bus.connectors.tax.url")).isEqualTo("http://127.0.0.1:8093");
        assertThat(ConnectorSwitch.on(ConnectorDescriptions.of("social-security"), environment)).isTrue();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}

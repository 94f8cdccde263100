package io.tongban.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Route;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Build-time lint of the connector contract, over every connector the component scan finds: a department's
 * contribution is checked here before it ever runs against a real department.
 */
@DisplayName("Connector contract lint")
class ConnectorContractLintTest extends ConnectorIntegrationTest {

    /** {@code <department>.<system>.<action>}, each part lower-case words joined by hyphens. */
    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*){2}");
    private static final Set<Capability> REQUESTS =
            EnumSet.of(Capability.PERSON_LOOKUP, Capability.ENTITY_LOOKUP, Capability.IDENTITY_CHECK,
                    Capability.SUBMISSION_DELIVERY);

    @Autowired
    private List<ConnectorDescriptor> connectors;
    private Model model;

    @BeforeEach
    void model() {
        model = camel.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private Set<String> sources() {
        return connectors.stream().map(ConnectorDescriptor::source).collect(Collectors.toSet());
    }

    /** Routes of the connectors, without this test's stand-ins for the core. */
    private List<Route> connectorRoutes() {
        return camel.getRoutes().stream().filter(route -> !route.getRouteId().endsWith("-stand-in")).toList();
    }

    private static String baseUri(String uri) {
        try {
            return URISupport.stripQuery(URISupport.normalizeUri(uri));
        } catch (URISyntaxException e) {
            throw new AssertionError("not a URI: " + uri, e);
        }
    }

    @Test
    @DisplayName("there are connectors, each with its own source code")
    void connectorsHaveDistinctSources() {
        assertThat(connectors).isNotEmpty();
        assertThat(connectors).extracting(ConnectorDescriptor::source).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("every endpoint a descriptor names is the consumer of a started route")
    void everyDescriptorEndpointIsARoute() {
        Set<String> consumers = camel.getRoutes().stream()
                .map(route -> baseUri(route.getEndpoint().getEndpointUri())).collect(Collectors.toSet());
        for (ConnectorDescriptor connector : connectors) {
            connector.endpoints().forEach((capability, endpoint) ->
                    assertThat(consumers).as("%s %s endpoint %s", connector.source(), capability, endpoint)
                            .contains(baseUri(camel.resolvePropertyPlaceholders(endpoint))));
        }
    }

    @Test
    @DisplayName("request endpoints read direct:<source>.<system>.<action>")
    void requestEndpointsAreNamedAfterTheirDepartment() {
        for (ConnectorDescriptor connector : connectors) {
            Pattern named = Pattern.compile("direct:" + Pattern.quote(connector.source()) + "(\\.[a-z0-9]+(-[a-z0-9]+)*){2}");
            connector.endpoints().entrySet().stream().filter(entry -> REQUESTS.contains(entry.getKey()))
                    .forEach(entry -> assertThat(entry.getValue()).as("%s %s", connector.source(), entry.getKey())
                            .matches(named));
        }
    }

    @Test
    @DisplayName("every route id reads <department>.<system>.<action>, the department being a connector's source")
    void everyRouteIdNamesItsDepartment() {
        assertThat(connectorRoutes()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.getRouteId()).matches(ROUTE_ID);
            assertThat(sources()).as("department of route %s", route.getRouteId())
                    .contains(route.getRouteId().substring(0, route.getRouteId().indexOf('.')));
        });
    }

    @Test
    @DisplayName("every lookup, identity check and submission delivery route runs inside a circuit breaker whose configuration exists and is named after its source")
    void everyRequestRouteUsesAnExistingBreakerConfiguration() {
        for (ConnectorDescriptor connector : connectors) {
            connector.endpoints().entrySet().stream().filter(entry -> REQUESTS.contains(entry.getKey())).forEach(entry -> {
                String routeId = DepartmentRouteBuilder.routeIdOf(entry.getValue());
                RouteDefinition route = model.getRouteDefinition(routeId);
                assertThat(route).as("route %s", routeId).isNotNull();
                Collection<CircuitBreakerDefinition> breakers =
                        ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), CircuitBreakerDefinition.class);
                assertThat(breakers).as("circuit breakers of %s", routeId).hasSize(1);
                String configuration = breakers.iterator().next().getConfiguration();
                assertThat(configuration).as("breaker configuration of %s", routeId).isEqualTo(connector.source());
                // Camel Spring Boot registers camel.resilience4j.configurations.<name> as beans; a route may also
                // name one defined in the Camel model
                Resilience4jConfigurationDefinition settings =
                        Optional.ofNullable(model.getResilience4jConfiguration(configuration)).orElseGet(() ->
                                camel.getRegistry().lookupByNameAndType(configuration, Resilience4jConfigurationDefinition.class));
                assertThat(settings).as("camel.resilience4j.configurations.%s", configuration).isNotNull();
                assertThat(settings.getTimeoutEnabled()).as("%s: a lookup must be bounded in time", configuration)
                        .isEqualTo("true");
            });
        }
    }

    @Test
    @DisplayName("a department whose routes deliver to the changes endpoint declares the CHANGE_FEED capability")
    void changeDeliveringDepartmentsDeclareTheirFeed() {
        Map<String, ConnectorDescriptor> bySource = connectors.stream()
                .collect(Collectors.toMap(ConnectorDescriptor::source, connector -> connector));
        List<String> undeclared = new ArrayList<>();
        for (Route route : connectorRoutes()) {
            RouteDefinition definition = model.getRouteDefinition(route.getRouteId());
            boolean delivers = ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(), ToDefinition.class)
                    .stream().anyMatch(to -> ConnectorDescriptor.CHANGES_ENDPOINT.equals(to.getUri()));
            String department = route.getRouteId().substring(0, route.getRouteId().indexOf('.'));
            ConnectorDescriptor connector = bySource.get(department);
            if (delivers && (connector == null || !connector.offers(Capability.CHANGE_FEED))) {
                undeclared.add(route.getRouteId());
            }
        }
        assertThat(undeclared).as("routes delivering changes for a department without CHANGE_FEED").isEmpty();
    }
}

package io.tongban.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.described.JmsConnector;
import io.tongban.connectors.described.SoapConnector;
import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Seed;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How every lookup behaves when its department misbehaves, turned on with the sandbox knobs: the connector always
 * answers, as UNAVAILABLE, within the configured time; and its circuit breaker stops calling a failing department.
 */
@DisplayName("Lookups when the department is down, slow or failing")
class DepartmentFailureTest extends ConnectorIntegrationTest {

    /** One lookup of one department, the subject it is asked about, and where its calls to the department go. */
    record Lookup(String name, SystemId system, String source, Capability capability, Function<Seed, String> subject,
                  Function<Sandbox, String> departmentEndpoint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Lookup> lookups() {
        return Stream.of(
                new Lookup("public security person lookup (SOAP)", SystemId.PUBLIC_SECURITY, "public-security",
                        Capability.PERSON_LOOKUP, seed -> seed.demoPerson().identityNumber(),
                        sandbox -> "cxf://bean:" + SoapConnector.serviceBean("public-security")),
                new Lookup("market supervision entity lookup (REST/JSON)", SystemId.MARKET_SUPERVISION,
                        "market-supervision", Capability.ENTITY_LOOKUP, seed -> seed.demoCompany().creditCode(),
                        Sandbox::marketSupervisionUrl),
                new Lookup("tax person lookup (REST/XML)", SystemId.TAX, "tax",
                        Capability.PERSON_LOOKUP, seed -> seed.demoPerson().identityNumber(), Sandbox::taxUrl),
                new Lookup("tax entity lookup (REST/XML)", SystemId.TAX, "tax",
                        Capability.ENTITY_LOOKUP, seed -> seed.demoCompany().creditCode(), Sandbox::taxUrl),
                new Lookup("social security person lookup (JMS)", SystemId.SOCIAL_SECURITY, "social-security",
                        Capability.PERSON_LOOKUP, seed -> seed.demoPerson().identityNumber(),
                        sandbox -> JmsConnector.component("social-security") + "://queue:"));
    }

    private LookupResult lookUp(Lookup lookup) {
        return ask(endpointOf(lookup), lookup.subject().apply(sandbox.seed()), LookupResult.class);
    }

    private String endpointOf(Lookup lookup) {
        return descriptor(lookup.source()).endpoint(lookup.capability());
    }

    private ResilienceProcessor breakerOf(Lookup lookup) {
        return CircuitBreakers.ofRoute(camel, endpointOf(lookup).substring("direct:".length()));
    }

    private int callsToDepartment(Lookup lookup) {
        return calls.callsTo(lookup.departmentEndpoint().apply(sandbox));
    }

    private Duration breakerTimeout(Lookup lookup) {
        return Duration.ofMillis(millis("camel.resilience4j.configurations." + lookup.source() + ".timeout-duration"));
    }

    private Duration responseTimeout(Lookup lookup) {
        return Duration.ofMillis(millis("bus.connectors." + lookup.source() + ".response-timeout-ms"));
    }

    private SystemKnobs knobs(Lookup lookup) {
        return sandbox.knobs(lookup.system());
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void assertUnavailable(LookupResult result, Lookup lookup) {
        assertThat(result.status()).as(lookup.name()).isEqualTo(LookupResult.Status.UNAVAILABLE);
        assertThat(result.source()).isEqualTo(lookup.source());
        assertThat(result.record()).isNull();
        assertThat(result.detail()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: department down -> UNAVAILABLE within the breaker timeout")
    @MethodSource("lookups")
    void departmentDownAnswersUnavailableWithinTheTimeout(Lookup lookup) {
        knobs(lookup).down(true);
        long started = System.nanoTime();

        LookupResult result = lookUp(lookup);

        assertUnavailable(result, lookup);
        assertThat(since(started)).isLessThan(breakerTimeout(lookup).plus(SLACK));
    }

    @ParameterizedTest(name = "{0}: department slower than the response timeout -> UNAVAILABLE after the timeout, not the latency")
    @MethodSource("lookups")
    void slowDepartmentAnswersUnavailableAfterTheTimeout(Lookup lookup) {
        // Beyond both timeouts, so only a timeout ends the call; yet the department's late answer follows soon after
        // the test. Social security's consumers prefetch requests, so a request dispatched behind a sleeping
        // consumer waits for it: a much longer latency would make the next test's requests time out.
        Duration latency = breakerTimeout(lookup).plus(responseTimeout(lookup).dividedBy(2));
        knobs(lookup).latency(latency);
        long started = System.nanoTime();

        LookupResult result = lookUp(lookup);

        Duration took = since(started);
        assertUnavailable(result, lookup);
        assertThat(took).isGreaterThanOrEqualTo(responseTimeout(lookup)).isLessThan(breakerTimeout(lookup).plus(SLACK));
    }

    @ParameterizedTest(name = "{0}: department answering only errors -> retried as configured, then UNAVAILABLE")
    @MethodSource("lookups")
    void failingDepartmentIsRetriedThenAnswersUnavailable(Lookup lookup) {
        knobs(lookup).errorRate(1.0);
        int callsBefore = callsToDepartment(lookup);

        LookupResult result = lookUp(lookup);

        assertUnavailable(result, lookup);
        int redeliveries = (int) millis("bus.connectors." + lookup.source() + ".redeliveries");
        assertThat(callsToDepartment(lookup) - callsBefore).as("calls to the department, %s", calls)
                .isEqualTo(1 + redeliveries);
    }

    @ParameterizedTest(name = "{0}: repeated failures open the breaker; later calls answer at once without reaching the department")
    @MethodSource("lookups")
    void repeatedFailuresOpenTheBreaker(Lookup lookup) {
        knobs(lookup).errorRate(1.0);
        int failures = (int) millis("camel.resilience4j.configurations." + lookup.source() + ".minimum-number-of-calls");
        for (int i = 0; i < failures; i++) {
            assertUnavailable(lookUp(lookup), lookup);
        }
        assertThat(breakerOf(lookup).getCircuitBreakerState()).isEqualTo("OPEN");

        // were the call to reach the department now, it would take at least the response timeout
        knobs(lookup).latency(responseTimeout(lookup).multipliedBy(3));
        int callsBefore = callsToDepartment(lookup);
        long started = System.nanoTime();
        LookupResult result = lookUp(lookup);

        assertUnavailable(result, lookup);
        assertThat(since(started)).isLessThan(responseTimeout(lookup));
        assertThat(callsToDepartment(lookup)).as("calls to the department, %s", calls).isEqualTo(callsBefore);
    }

    @ParameterizedTest(name = "{0}: an open breaker closes again once the department is back")
    @MethodSource("lookups")
    void openBreakerRecoversOnceTheDepartmentIsBack(Lookup lookup) {
        knobs(lookup).errorRate(1.0);
        int failures = (int) millis("camel.resilience4j.configurations." + lookup.source() + ".minimum-number-of-calls");
        for (int i = 0; i < failures; i++) {
            lookUp(lookup);
        }
        assertThat(breakerOf(lookup).getCircuitBreakerState()).isEqualTo("OPEN");

        knobs(lookup).reset();

        long waitInOpenState = millis("camel.resilience4j.configurations." + lookup.source() + ".wait-duration-in-open-state");
        Awaitility.await().atMost(Duration.ofSeconds(waitInOpenState).plusSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lookUp(lookup).status() == LookupResult.Status.FOUND);
        assertThat(breakerOf(lookup).getCircuitBreakerState()).isEqualTo("CLOSED");
    }
}

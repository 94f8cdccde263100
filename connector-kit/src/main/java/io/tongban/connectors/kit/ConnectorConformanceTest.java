package io.tongban.connectors.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tongban.connectors.Capability;
import io.tongban.connectors.CircuitBreakers;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.CoreEndpointsStandIn;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.TestSubjects;
import io.tongban.connectors.described.JmsDescription;
import io.tongban.connectors.described.RestDescription;
import io.tongban.connectors.described.SoapDescription;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.mappings.MappingError;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The conformance kit: what every connector must do, run against the department's stand-in over its real protocol.
 * A department team extends it with its source, its {@link DepartmentStandIn} and a {@code @DynamicPropertySource}
 * pointing its connector at the stand-in; it then lints the department's folder, runs every mapping fixture, and
 * runs the standard scenarios of each capability the connector offers: found, not found, a person filed under the
 * old 15-digit number, down, failing with its own error, slow past the breaker's timeout, a garbage answer, an
 * unknown code, and an external entity in an XML answer; a delivered application, and one the department did not
 * take; a change applied and one rejected on the change feed; an approval and a rejection on the decision feed; an identity check consistent, inconsistent, and not
 * possible. Nothing of the sandbox's demo data is used. Every scenario begins with the stand-in answering normally and
 * the breakers closed, and ends by checking that nothing it logged names a subject it asked about.
 */
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
// each department's test points its connector at its own stand-in, stopped after the class: a context kept for
// later tests would go on polling a stand-in that is gone
@DirtiesContext
public abstract class ConnectorConformanceTest {

    /** What a timing assertion allows beyond the configured time: build machines are shared and often loaded. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final Set<String> XML_PROTOCOLS = Set.of("rest-xml", "soap");

    @Autowired
    private CamelContext camel;
    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private Environment environment;
    @Autowired
    private List<ConnectorDescriptor> connectors;
    @Autowired
    private CoreEndpointsStandIn core;
    private boolean warmedUp;
    /** What the bus logs while this test's scenarios run (set by each test factory, which JUnit hands it). */
    private CapturedOutput output;

    /** The department's source code, its folder's name. */
    protected abstract String source();

    /** The department's system, started on loopback. */
    protected abstract DepartmentStandIn standIn();

    @Test
    @DisplayName("the department's folder lints: description, mapping files, fixtures")
    void folderLints() {
        DepartmentFolder.of(source()).lint();
    }

    @TestFactory
    @DisplayName("every mapping fixture maps to its expected record or error")
    Stream<DynamicTest> mappingFixtures() {
        return DepartmentFolder.of(source()).fixtures().stream()
                .map(fixture -> DynamicTest.dynamicTest(fixture.name(), fixture::check));
    }

    @TestFactory
    @DisplayName("lookups: found, not found, old number, down, slow, garbage, unknown code, external entity")
    Stream<DynamicTest> lookups(CapturedOutput output) {
        this.output = output;
        List<DynamicTest> scenarios = new ArrayList<>();
        lookupScenarios(Capability.PERSON_LOOKUP, SubjectType.PERSON, TestSubjects.unknownPerson(), scenarios);
        lookupScenarios(Capability.ENTITY_LOOKUP, SubjectType.LEGAL_ENTITY, TestSubjects.unknownCompany(), scenarios);
        return scenarios.stream();
    }

    @TestFactory
    @DisplayName("submission delivery: delivered, department down")
    Stream<DynamicTest> delivery(CapturedOutput output) {
        this.output = output;
        if (!connector().offers(Capability.SUBMISSION_DELIVERY)) {
            return Stream.empty();
        }
        String endpoint = connector().endpoint(Capability.SUBMISSION_DELIVERY);
        return Stream.of(
                scenario("delivery: an application the department takes, answered with its receipt", () -> {
                    int before = standIn().deliveries();
                    String receipt = producer.requestBody(endpoint, application(), String.class);
                    // a JMS delivery is a durable message on the department's broker: nothing is answered back
                    if (!DepartmentFolder.of(source()).description().protocol().equals("jms")) {
                        assertThat(receipt).isNotBlank();
                    }
                    Awaitility.await("the department took the application").atMost(Duration.ofSeconds(5))
                            .until(() -> standIn().deliveries() == before + 1);
                }),
                scenario("delivery: the department is down, so the delivery fails for the bus to try again", () -> {
                    standIn().goDown();
                    assertThatThrownBy(() -> producer.requestBody(endpoint, application(), String.class))
                            .isInstanceOf(CamelExecutionException.class);
                }));
    }

    @TestFactory
    @DisplayName("change feed: a change applied, an unmappable one rejected and the feed going on")
    Stream<DynamicTest> changeFeed(CapturedOutput output) {
        this.output = output;
        if (!connector().offers(Capability.CHANGE_FEED)) {
            return Stream.empty();
        }
        return Stream.of(
                scenario("change feed: a change of a held subject reaches the bus as that subject's change", () ->
                        assertChangeArrives()),
                scenario("change feed: the department down and back, a change published then still arrives", () -> {
                    standIn().goDown();
                    standIn().answerNormally();
                    assertChangeArrives();
                }),
                scenario("change feed: a change that can never be mapped is rejected with its code; the feed goes on", () -> {
                    int before = core.rejections().size();
                    standIn().publishUnmappableChange();
                    Awaitility.await("the rejection").atMost(Duration.ofSeconds(15))
                            .until(() -> core.rejections().size() > before);
                    RejectedChange rejection = core.rejections().get(before);
                    assertThat(rejection.source()).isEqualTo(source());
                    assertThat(rejection.code()).startsWith("mapping.");
                    assertChangeArrives();
                }));
    }

    private void assertChangeArrives() {
        int before = core.changes().size();
        String subject = standIn().publishChange();
        Awaitility.await("the change of the held subject").atMost(Duration.ofSeconds(30))
                .until(() -> core.changes().size() > before);
        SourceRecord change = core.changes().get(before);
        assertThat(change.source()).isEqualTo(source());
        assertThat(change.subjectId()).isEqualTo(subject);
        assertThat(change.fields()).isNotEmpty();
    }

    @TestFactory
    @DisplayName("decision feed: an approval and a rejection, each handed to the bus once")
    Stream<DynamicTest> decisions(CapturedOutput output) {
        this.output = output;
        if (!connector().offers(Capability.DECISION_FEED)) {
            return Stream.empty();
        }
        return Stream.of(scenario("decision feed: an approval and a rejection reach the bus once each, in the"
                + " department's words read right", () -> {
            String approved = "KIT-" + UUID.randomUUID();
            String rejected = "KIT-" + UUID.randomUUID();
            standIn().decide(approved, true);
            standIn().decide(rejected, false);

            // read again and again meanwhile (polled feeds), each is handed on once
            Awaitility.await("both decisions, once each").atMost(Duration.ofSeconds(15)).during(Duration.ofSeconds(2))
                    .until(() -> decisionsOn(approved).size() == 1 && decisionsOn(rejected).size() == 1);
            DepartmentDecision approval = decisionsOn(approved).get(0);
            DepartmentDecision rejection = decisionsOn(rejected).get(0);
            assertThat(approval.source()).isEqualTo(source());
            assertThat(approval.outcome()).isEqualTo(DepartmentDecision.Outcome.APPROVED);
            assertThat(approval.receipt()).isNotBlank();
            assertThat(approval.results()).hasSameSizeAs(dialect().results());
            assertThat(rejection.outcome()).isEqualTo(DepartmentDecision.Outcome.REJECTED);
            assertThat(rejection.reasons()).extracting(DepartmentDecision.Reason::code).containsExactly("KIT-01");
            assertThat(rejection.position()).isGreaterThan(approval.position());
        }));
    }

    private List<DepartmentDecision> decisionsOn(String submission) {
        return core.decisions().stream().filter(decision -> decision.submission().equals(submission)).toList();
    }

    private DecisionDialect dialect() {
        ConnectorDescription description = DepartmentFolder.of(source()).description();
        return switch (description.protocol()) {
            case "soap" -> SoapDescription.read(description).decisions().dialect();
            case "jms" -> JmsDescription.read(description).decisions().dialect();
            default -> RestDescription.read(description).decisions().dialect();
        };
    }

    @TestFactory
    @DisplayName("identity check: consistent, inconsistent, department down")
    Stream<DynamicTest> identityChecks(CapturedOutput output) {
        this.output = output;
        if (!connector().offers(Capability.IDENTITY_CHECK)) {
            return Stream.empty();
        }
        String endpoint = connector().endpoint(Capability.IDENTITY_CHECK);
        return Stream.of(
                scenario("identity check: a held person's number with the name on record is consistent", () ->
                        assertThat(check(endpoint, heldName()).consistent()).isTrue()),
                scenario("identity check: the number with another name is inconsistent", () ->
                        assertThat(check(endpoint, heldName() + "某").consistent()).isFalse()),
                scenario("identity check: the department is down: could not check, with a reason", () -> {
                    standIn().goDown();
                    IdentityCheckResult result = check(endpoint, heldName());
                    assertThat(result.consistent()).isNull();
                    assertThat(result.detail()).isNotBlank().doesNotContain(heldName())
                            .doesNotContain(standIn().held(SubjectType.PERSON).id());
                }),
                scenario("identity check: the department fails with its own error: could not check, the subject not named", () -> {
                    standIn().answerServerError();
                    IdentityCheckResult result = check(endpoint, heldName());
                    assertThat(result.consistent()).isNull();
                    assertThat(result.detail()).isNotBlank().doesNotContain(heldName())
                            .doesNotContain(standIn().held(SubjectType.PERSON).id());
                }));
    }

    private String heldName() {
        return String.valueOf(standIn().held(SubjectType.PERSON).fields().get("name"));
    }

    private IdentityCheckResult check(String endpoint, String name) {
        return producer.requestBody(endpoint, new IdentityCheckRequest(standIn().held(SubjectType.PERSON).id(), name),
                IdentityCheckResult.class);
    }

    private void lookupScenarios(Capability capability, SubjectType type, String unheld, List<DynamicTest> scenarios) {
        if (!connector().offers(capability)) {
            return;
        }
        String name = type == SubjectType.PERSON ? "person lookup: " : "entity lookup: ";
        scenarios.add(scenario(name + "a held subject is found, mapped, with the digest of the answer", () ->
                assertFound(capability, standIn().held(type))));
        scenarios.add(scenario(name + "a subject the department does not hold is NOT_FOUND", () ->
                assertThat(lookUp(capability, unheld).status()).isEqualTo(LookupResult.Status.NOT_FOUND)));
        if (type == SubjectType.PERSON) {
            scenarios.add(scenario(name + "a person filed under the old 15-digit number is found by the 18-digit one", () -> {
                Optional<HeldSubject> old = standIn().heldUnderOldNumber();
                Assumptions.assumeTrue(old.isPresent(), "the department files no one under the old number");
                assertFound(capability, old.get());
            }));
        }
        scenarios.add(scenario(name + "the department is down: UNAVAILABLE", () -> {
            standIn().goDown();
            assertThat(lookUp(capability, standIn().held(type).id()).status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
        }));
        scenarios.add(scenario(name + "the department fails with its own error: UNAVAILABLE, the subject not named", () -> {
            standIn().answerServerError();
            String id = standIn().held(type).id();
            LookupResult result = lookUp(capability, id);
            assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
            assertThat(result.detail()).isNotBlank().doesNotContain(id);
        }));
        scenarios.add(scenario(name + "an answer later than the breaker's timeout: UNAVAILABLE within it", () -> {
            Duration timeout = Duration.ofMillis(environment.getRequiredProperty(
                    "camel.resilience4j.configurations." + source() + ".timeout-duration", Long.class));
            standIn().answerAfter(timeout.plusSeconds(1));
            long started = System.nanoTime();
            LookupResult result = lookUp(capability, standIn().held(type).id());
            assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plus(SLACK));
        }));
        scenarios.add(scenario(name + "a garbage answer: UNAVAILABLE, the answer not echoed", () -> {
            standIn().answerGarbage();
            LookupResult result = lookUp(capability, standIn().held(type).id());
            assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
            assertThat(result.detail()).doesNotContain("not a record");
        }));
        scenarios.add(scenario(name + "a code the code tables lack: UNAVAILABLE with mapping.unknown_code", () -> {
            standIn().answerUnknownCode();
            LookupResult result = lookUp(capability, standIn().held(type).id());
            assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
            assertThat(result.detail()).contains(MappingError.UNKNOWN_CODE.code());
        }));
        if (XML_PROTOCOLS.contains(DepartmentFolder.of(source()).description().protocol())) {
            scenarios.add(scenario(name + "XML declaring an external entity is refused, the file never read", () -> {
                String secret = "TONGBAN-KIT-SECRET-" + UUID.randomUUID();
                Path file = Files.createTempFile("tongban-kit-secret", ".txt");
                try {
                    Files.writeString(file, secret);
                    standIn().answerWithExternalEntity(file.toUri());
                    LookupResult result = lookUp(capability, standIn().held(type).id());
                    assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
                    assertThat(String.valueOf(result)).doesNotContain(secret);
                } finally {
                    Files.deleteIfExists(file);
                }
            }));
        }
    }

    private void assertFound(Capability capability, HeldSubject subject) {
        LookupResult result = lookUp(capability, subject.id());
        assertThat(result.status()).as(String.valueOf(result.detail())).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().source()).isEqualTo(source());
        assertThat(result.record().subjectId()).isEqualTo(subject.id());
        assertThat(result.record().fields()).containsAllEntriesOf(subject.fields());
        assertThat(result.record().digest()).startsWith("sha256:");
    }

    /**
     * A scenario: the stand-in answering normally and the breakers closed before it, the stand-in normal after, and
     * no identifier of a subject the scenarios ask about in what was logged meanwhile (personal data never appears in
     * clear text in logs; a failure message quoting a department's URL would).
     */
    private DynamicTest scenario(String name, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            standIn().answerNormally();
            warmUpOnce();
            CircuitBreakers.resetAll(camel);
            int loggedBefore = output.getAll().length();
            try {
                body.execute();
            } finally {
                standIn().answerNormally();
            }
            String logged = output.getAll().substring(loggedBefore);
            for (String id : askedAbout()) {
                assertThat(logged).as("the log names a subject in clear text").doesNotContain(id);
            }
        });
    }

    /** The identifiers (the 15-digit forms of identity numbers too) and names of the subjects the scenarios ask about. */
    private List<String> askedAbout() {
        List<String> asked = new ArrayList<>(List.of(TestSubjects.unknownPerson(), TestSubjects.unknownCompany()));
        List<HeldSubject> held = new ArrayList<>();
        if (connector().offers(Capability.PERSON_LOOKUP) || connector().offers(Capability.IDENTITY_CHECK)) {
            held.add(standIn().held(SubjectType.PERSON));
        }
        if (connector().offers(Capability.ENTITY_LOOKUP)) {
            held.add(standIn().held(SubjectType.LEGAL_ENTITY));
        }
        standIn().heldUnderOldNumber().ifPresent(held::add);
        for (HeldSubject subject : held) {
            asked.add(subject.id());
            if (subject.id().length() == 18 && subject.id().substring(6, 8).equals("19")) {
                asked.add(subject.id().substring(0, 6) + subject.id().substring(8, 17));
            }
            if (subject.fields().get("name") instanceof String name) {
                asked.add(name);
            }
        }
        asked.removeIf(String::isBlank);
        return asked;
    }

    /**
     * A connector's first call builds its client, which on a loaded machine can take longer than the breaker's
     * timeout; the scenarios measure calls after that.
     */
    private void warmUpOnce() {
        if (warmedUp) {
            return;
        }
        // once, failed or not: a connector that never answers fails its scenarios at once after the first
        warmedUp = true;
        for (Capability capability : List.of(Capability.PERSON_LOOKUP, Capability.ENTITY_LOOKUP)) {
            if (connector().offers(capability)) {
                String id = standIn().held(capability == Capability.PERSON_LOOKUP ? SubjectType.PERSON
                        : SubjectType.LEGAL_ENTITY).id();
                Awaitility.await("first answer of " + connector().endpoint(capability)).atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> lookUp(capability, id).status() == LookupResult.Status.FOUND);
            }
        }
    }

    private LookupResult lookUp(Capability capability, String id) {
        return producer.requestBody(connector().endpoint(capability), id, LookupResult.class);
    }

    private ConnectorDescriptor connector() {
        return connectors.stream().filter(connector -> connector.source().equals(source())).findFirst()
                .orElseThrow(() -> new AssertionError("the connector of " + source() + " is not switched on: point"
                        + " bus.connectors." + source() + ".url (or its broker) at the stand-in in a"
                        + " @DynamicPropertySource"));
    }

    private SubmissionDelivery application() {
        boolean person = connector().offers(Capability.PERSON_LOOKUP);
        String applicant = standIn().held(person ? SubjectType.PERSON : SubjectType.LEGAL_ENTITY).id();
        return new SubmissionDelivery("KIT-" + UUID.randomUUID(), "kit-matter", source(),
                person ? "PERSON" : "LEGAL_ENTITY", applicant, Map.of("name", "测试"), List.of(),
                LocalDate.now().plusDays(5));
    }
}

package io.tongban.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tongban.sandbox.SystemId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every connector delivers a submission to its department over the department's own protocol and brings the
 * department's decision back to the core's decisions endpoint, once, however often the same submission is delivered;
 * a department that is down makes the delivery fail, so that the bus delivers it again later.
 */
class SubmissionDeliveryTest extends ConnectorIntegrationTest {

    @ParameterizedTest(name = "{0} decides {1}")
    @CsvSource({
            "public-security, residence-permit, APPROVED",
            "market-supervision, company-establishment, APPROVED",
            "tax, invoice-application, APPROVED",
            "social-security, insurance-registration, APPROVED",
            "market-supervision, invoice-application, REJECTED"})
    void deliveredAndDecidedOnce(String source, String matter, DepartmentDecision.Outcome outcome) {
        SubmissionDelivery delivery = delivery(source, matter);

        ask(descriptor(source).endpoint(Capability.SUBMISSION_DELIVERY), delivery, String.class);
        ask(descriptor(source).endpoint(Capability.SUBMISSION_DELIVERY), delivery, String.class); // a redelivery

        DepartmentDecision decision = await().atMost(Duration.ofSeconds(20))
                .until(() -> decisionOn(delivery.submission()), Optional::isPresent).orElseThrow();
        assertThat(decision.source()).isEqualTo(source);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.position()).isPositive();
        assertThat(decision.reasons().isEmpty()).isEqualTo(outcome == DepartmentDecision.Outcome.APPROVED);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> core.decisions().stream().filter(d -> d.submission().equals(delivery.submission())).count() == 1);
    }

    @ParameterizedTest(name = "{0} down")
    @CsvSource({"public-security, PUBLIC_SECURITY, residence-permit", "market-supervision, MARKET_SUPERVISION, company-establishment",
            "tax, TAX, invoice-application"})
    void aDepartmentThatIsDownFailsTheDelivery(String source, SystemId system, String matter) {
        sandbox.knobs(system).down(true);

        assertThatThrownBy(() -> ask(descriptor(source).endpoint(Capability.SUBMISSION_DELIVERY),
                delivery(source, matter), String.class)).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(DepartmentException.class);
    }

    private Optional<DepartmentDecision> decisionOn(String submission) {
        return core.decisions().stream().filter(d -> d.submission().equals(submission)).findFirst();
    }

    private SubmissionDelivery delivery(String source, String matter) {
        boolean entity = matter.equals("invoice-application");
        String applicant = entity ? sandbox.seed().demoCompany().creditCode() : sandbox.seed().demoPerson().identityNumber();
        return new SubmissionDelivery(UUID.randomUUID().toString(), matter, source, entity ? "LEGAL_ENTITY" : "PERSON",
                applicant, Map.of("name", "示范", "companyName", "连接器示范" + UUID.randomUUID() + "有限公司"),
                List.of(new SubmissionDelivery.Material("identity", "SYSTEM_VERIFICATION", null)), LocalDate.now());
    }
}

package io.tongban.routes.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.mappings.CreditCode;
import io.tongban.routes.SubmittingBusTest;
import io.tongban.sandbox.SystemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parallel processing end to end: a submission accepted over HTTP goes from the bus's queues through each
 * department's connector, over that department's own protocol (SOAP, REST/JSON, REST/XML, JMS), to the sandbox
 * department, which decides it after a delay; the decisions come back over the same protocols and are applied once.
 */
class DepartmentWorkTest extends SubmittingBusTest {

    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(30);
    private static final Duration IDLE = Duration.ofSeconds(2);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ProducerTemplate producer;

    @Test
    @DisplayName("A company establishment is delivered to market supervision, tax and social security at once and approved by each; the new company's credit code comes back and the company is found in a lookup")
    void approvedByEveryDepartment() {
        String companyName = uniqueCompanyName();
        String id = establishCompany(companyName, null);

        JsonNode status = awaitCompleted(id);

        assertThat(status.path("status").asText()).isEqualTo("APPROVED");
        assertThat(status.path("completedAt").asText()).isNotEmpty();
        assertThat(status.path("rejections").size()).isZero();
        for (JsonNode task : status.path("departments")) {
            assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("APPROVED");
            assertThat(task.path("receipt").asText()).as(task.toString()).isNotEmpty();
            assertThat(task.path("decidedAt").asText()).as(task.toString()).isNotEmpty();
        }
        assertThat(events(status, "DELIVERED_TO_DEPARTMENT")).containsExactlyInAnyOrder(
                "market-supervision", "social-security", "tax");
        assertThat(events(status, "APPROVED")).containsExactlyInAnyOrder("market-supervision", "social-security", "tax");
        String creditCode = task(status, "market-supervision").path("results").path("creditCode").asText();
        assertThat(CreditCode.isValid(creditCode)).as(creditCode).isTrue();
        Answer company = get("/api/v1/legal-entities/" + creditCode);
        assertThat(company.status()).as(company.body().toString()).isEqualTo(200);
        assertThat(sourceStatus(company.body(), "market-supervision")).isEqualTo("REFRESHED"); // read from the department
        assertThat(company.body().toString()).contains(companyName);
        for (SystemId department : List.of(SystemId.MARKET_SUPERVISION, SystemId.TAX, SystemId.SOCIAL_SECURITY)) {
            assertThat(sandbox().applications(department).decisions().get(id)).as(department.toString()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("A company name already registered is rejected by market supervision with its reason and legal basis, told once with the submission; the other departments still decide")
    void rejectedWithReasonsToldOnce() {
        String id = establishCompany(sandbox().seed().demoCompany().name(), null);

        JsonNode status = awaitCompleted(id);

        assertThat(status.path("status").asText()).isEqualTo("REJECTED");
        assertThat(status.path("rejections").size()).isEqualTo(1);
        JsonNode reason = status.path("rejections").get(0);
        assertThat(reason.path("department").asText()).isEqualTo("market-supervision");
        assertThat(reason.path("code").asText()).isEqualTo("NAME_TAKEN");
        assertThat(reason.path("legalBasis").asText()).contains("企业名称登记管理规定");
        assertThat(task(status, "tax").path("status").asText()).isEqualTo("APPROVED");
        assertThat(task(status, "social-security").path("status").asText()).isEqualTo("APPROVED");
        assertThat(events(status, "COMPLETED_REJECTED")).hasSize(1);
    }

    @Test
    @DisplayName("Public security rejects a residence permit for a person it records as deceased, over SOAP")
    void residencePermitOfADeceasedPersonRejected() {
        String applicant = sandbox().seed().cases().deceasedButPaying();
        String domicile = upload("domicile-proof", applicant);
        String id = submit("{\"matter\":\"residence-permit\",\"applicant\":\"" + applicant + "\",\"materials\":{"
                + "\"domicile-proof\":\"" + domicile + "\"},\"declineReuse\":[\"domicile-proof\"]}");

        JsonNode status = awaitCompleted(id);

        assertThat(status.path("status").asText()).isEqualTo("REJECTED");
        assertThat(status.path("rejections").findValuesAsText("code")).containsExactly("APPLICANT_DECEASED");
        assertThat(status.path("rejections").get(0).path("legalBasis").asText()).contains("居住证暂行条例");
    }

    @Test
    @DisplayName("A department none of whose tasks awaits a decision is not asked for decisions; once one does, its feed is read until the decision is in")
    void decisionFeedReadOnlyWhileADecisionIsAwaited() throws InterruptedException {
        await().atMost(DECIDED_WITHIN).until(() -> openTasks("public-security") == 0);
        Thread.sleep(IDLE.toMillis()); // a poll that began while a task was still open has ended
        long idle = sandbox().applications(SystemId.PUBLIC_SECURITY).feedReads();

        Thread.sleep(IDLE.toMillis()); // ten of its poll intervals (200 ms)
        assertThat(sandbox().applications(SystemId.PUBLIC_SECURITY).feedReads()).isEqualTo(idle);

        String applicant = sandbox().seed().cases().deceasedButPaying();
        String domicile = upload("domicile-proof", applicant);
        String id = submit("{\"matter\":\"residence-permit\",\"applicant\":\"" + applicant + "\",\"materials\":{"
                + "\"domicile-proof\":\"" + domicile + "\"},\"declineReuse\":[\"domicile-proof\"]}");
        assertThat(awaitCompleted(id).path("status").asText()).isEqualTo("REJECTED");
        assertThat(sandbox().applications(SystemId.PUBLIC_SECURITY).feedReads()).isGreaterThan(idle);
    }

    private long openTasks(String department) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM department_task WHERE department = ?"
                + " AND status IN ('QUEUED', 'DELIVERED', 'DEAD_LETTER')", Long.class, department);
    }

    @Test
    @DisplayName("Social security approves an insurance registration over JMS and names the insurance number")
    void insuranceRegistrationApprovedOverJms() {
        String id = submit("{\"matter\":\"insurance-registration\",\"applicant\":\"440604197701127170\","
                + "\"form\":{\"employerName\":\"通办示范有限公司\"},"
                + "\"commitments\":[\"labour-contract\"],\"declineReuse\":[\"labour-contract\"]}");

        JsonNode status = awaitCompleted(id);

        assertThat(status.path("status").asText()).isEqualTo("APPROVED");
        assertThat(task(status, "social-security").path("results").path("insuranceNumber").asText()).isNotEmpty();
    }

    @Test
    @DisplayName("A decision received again, or a different one for a decided task, changes nothing and is logged as such")
    void aRedeliveredDecisionChangesNothing() {
        String id = submit("{\"matter\":\"insurance-registration\",\"applicant\":\"440604197701127170\","
                + "\"commitments\":[\"labour-contract\"],\"declineReuse\":[\"labour-contract\"]}");
        JsonNode decided = awaitCompleted(id);

        producer.sendBody(ConnectorDescriptor.DECISIONS_ENDPOINT, List.of(new DepartmentDecision("social-security", 0,
                id, "forged", DepartmentDecision.Outcome.REJECTED,
                List.of(new DepartmentDecision.Reason("LATE", "changed its mind", "none")), Map.of(), Instant.now())));

        JsonNode after = get("/api/v1/submissions/" + id).body();
        assertThat(after.path("status").asText()).isEqualTo("APPROVED");
        assertThat(after.path("departments")).isEqualTo(decided.path("departments"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE operation = 'submission-decision'"
                + " AND outcome = 'ALREADY_DECIDED' AND entry_json LIKE ?", Long.class, "%" + id + "%")).isEqualTo(1);
    }

    @Test
    @DisplayName("A department that is down: its task is retried with backoff, then dead-lettered and shown as such, every attempt in the exchange log")
    void downDepartmentDeadLettered() {
        sandbox().knobs(SystemId.TAX).down(true);
        String company = sandbox().seed().demoCompany().creditCode();
        String licence = upload("business-licence", company);
        String id = submit("{\"matter\":\"invoice-application\",\"applicant\":\"" + company + "\",\"materials\":{"
                + "\"business-licence\":\"" + licence + "\"}}");

        await().atMost(DECIDED_WITHIN).until(() ->
                task(get("/api/v1/submissions/" + id).body(), "tax").path("status").asText().equals("DEAD_LETTER"));
        JsonNode status = get("/api/v1/submissions/" + id).body();

        assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(events(status, "DEAD_LETTER")).containsExactly("tax");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE operation = 'submission-delivery'"
                + " AND outcome = 'FAILED' AND entry_json LIKE ?", Long.class, "%" + id + "%")).isEqualTo(3);
        assertThat(sandbox().applications(SystemId.TAX).receipts()).doesNotContainKey(id);
    }
}

package io.tongban.connectors.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorIntegrationTest;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.RejectedChange;
import io.tongban.connectors.Sha256;
import io.tongban.connectors.TestSubjects;
import io.tongban.connectors.described.JmsConnector;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import io.tongban.sandbox.seed.SocialInsurance;
import io.tongban.sandbox.socialsecurity.SocialSecuritySystem;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Social security connector (JMS request/reply and change topic on the department's Artemis) against the sandbox")
class SocialSecurityConnectorTest extends ConnectorIntegrationTest {

    private static final String REQUEST_QUEUE = JmsConnector.component("social-security") + "://queue:"
            + SocialSecuritySystem.REQUEST_QUEUE; // the asks alone: a delivery to the application queue meanwhile is none

    /** The asks so far, once none was sent for half a second: a retry of an earlier test's ask must not count here. */
    private int asksOnceQuiet() {
        int[] last = {calls.callsTo(REQUEST_QUEUE)};
        Awaitility.await().pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(30)).until(() -> {
                    int now = calls.callsTo(REQUEST_QUEUE);
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
        return last[0];
    }

    private String personLookup() {
        return descriptor("social-security").endpoint(Capability.PERSON_LOOKUP);
    }

    @Test
    @DisplayName("an insured person is mapped to canonical fields with the insurance list and provenance: the sha256 of the reply text's UTF-8 bytes")
    void insuredPersonIsMappedWithProvenance() throws Exception {
        String id = sandbox.seed().demoPerson().identityNumber();
        SocialInsurance insurance = sandbox.seed().socialInsurance(id).orElseThrow();

        LookupResult result = ask(personLookup(), id, LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().source()).isEqualTo("social-security");
        assertThat(result.record().subjectType()).isEqualTo(SubjectType.PERSON);
        assertThat(result.record().subjectId()).isEqualTo(id);
        assertThat(result.record().digest()).isEqualTo(Sha256.of(replyText(id).getBytes(StandardCharsets.UTF_8)));
        assertThat(result.record().fields())
                .containsEntry("idNumber", id)
                .containsEntry("name", insurance.name())
                .containsEntry("insuranceStatus", "PAYING")
                .containsEntry("employerCreditCode", insurance.employerCreditCode())
                .containsEntry("employerName", insurance.employerName());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> insurances = (List<Map<String, Object>>) result.record().fields().get("insurances");
        assertThat(insurances).hasSize(insurance.insurances().size())
                .allSatisfy(item -> assertThat(item).containsKeys("type", "status"));
    }

    @Test
    @DisplayName("a person filed only under the 15-digit number is found by asking again under the old form")
    void personHeldUnderTheOldNumberIsFoundThroughTheLegacyForm() {
        String id = sandbox.seed().cases().oldIdentityNumber();
        int asksBefore = asksOnceQuiet();

        LookupResult result = ask(personLookup(), id, LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().subjectId()).as("the 15-digit sfzhm converted to 18").isEqualTo(id);
        assertThat(result.record().fields()).containsEntry("idNumber", id);
        assertThat(calls.callsTo(REQUEST_QUEUE) - asksBefore).as("asked under 18, then 15 digits").isEqualTo(2);
    }

    @Test
    @DisplayName("a person unknown under both the 18- and the 15-digit form answers NOT_FOUND")
    void unknownPersonIsNotFound() {
        assertThat(ask(personLookup(), TestSubjects.unknownPerson(), LookupResult.class))
                .isEqualTo(LookupResult.notFound("social-security"));
    }

    @Test
    @DisplayName("change events published on the department's topic reach the bus's changes endpoint as canonical records")
    void changeEventsReachTheChangesEndpoint() {
        List<SocialInsurance> events = sandbox.publishSocialSecurityChangeEvents();
        assertThat(events).isNotEmpty();
        Set<String> changed = events.stream().map(SocialInsurance::identityNumber).collect(Collectors.toSet());

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(core.changes().stream().map(SourceRecord::subjectId)).containsAll(changed));

        for (SocialInsurance event : events) {
            SourceRecord record = core.changes().stream()
                    .filter(change -> change.subjectId().equals(event.identityNumber()))
                    .reduce((first, last) -> last).orElseThrow();
            assertThat(record.source()).isEqualTo("social-security");
            assertThat(record.subjectType()).isEqualTo(SubjectType.PERSON);
            assertThat(record.digest()).matches("sha256:[0-9a-f]{64}");
            assertThat(record.fields()).containsKey("insuranceStatus")
                    .containsEntry("insuranceUpdatedAt", Instant.ofEpochMilli(event.updatedAtMillis()).toString());
        }
    }

    @Test
    @DisplayName("a change event is as of its gxsj in every field, and its digest is the sha256 of the event text's UTF-8 bytes")
    void changeEventIsAsOfItsOwnTimeWithTheDigestOfItsText() throws Exception {
        SocialInsurance insured = sandbox.seed().socialInsurances().get(7);
        long changedAt = Instant.parse("2026-03-01T02:30:00Z").toEpochMilli();
        String event = "{\"sfzhm\":\"" + insured.heldUnder() + "\",\"xm\":\"" + insured.name() + "\",\"cbzt\":\"2\","
                + "\"xzlx\":[{\"xz\":\"110\",\"zt\":\"2\",\"jfys\":12}],\"lxdz\":\"广东省深圳市宝安区某路1号\","
                + "\"gxsj\":" + changedAt + "}";
        String messageId = publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(core.changes()).anySatisfy(change -> assertThat(change.digest())
                        .isEqualTo(Sha256.of(event.getBytes(StandardCharsets.UTF_8)))));
        SourceRecord change = core.changes().stream()
                .filter(c -> c.digest().equals(Sha256.of(event.getBytes(StandardCharsets.UTF_8)))).findFirst().orElseThrow();
        assertThat(change.subjectId()).isEqualTo(insured.identityNumber());
        assertThat(change.fields().keySet()).isNotEmpty().allSatisfy(field ->
                assertThat(change.provenance(field).asOf()).isEqualTo(Instant.ofEpochMilli(changedAt)));
        assertThat(core.rejections()).noneSatisfy(rejection -> assertThat(rejection.location()).contains(messageId));
    }

    @Test
    @DisplayName("a change event that cannot be applied (bad identity number, broken JSON, no gxsj to place it in time) is reported to the rejections endpoint with its code")
    void brokenChangeEventsAreRejectedWithTheirCode() throws Exception {
        String badNumber = sandbox.seed().demoPerson().identityNumber().substring(0, 17) + "Y";
        List<String> messageIds = new ArrayList<>();
        try (ActiveMQConnectionFactory department = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
             JMSContext jms = department.createContext()) {
            Topic topic = jms.createTopic("RS.CBXX.BG");
            for (String event : List.of("{\"sfzhm\":\"" + badNumber + "\",\"xm\":\"某人\",\"cbzt\":\"1\",\"xzlx\":[]}",
                    "{\"sfzhm\": ",
                    "{\"sfzhm\":\"" + sandbox.seed().demoPerson().identityNumber() + "\",\"xm\":\"某人\",\"cbzt\":\"1\",\"xzlx\":[]}")) {
                TextMessage message = jms.createTextMessage(event);
                message.setStringProperty("RESULT", "OK");
                jms.createProducer().send(topic, message);
                messageIds.add(message.getJMSMessageID());
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(core.rejections().stream()
                        .filter(rejection -> messageIds.stream().anyMatch(rejection.location()::contains)))
                        .extracting(RejectedChange::source, RejectedChange::code)
                        .containsExactlyInAnyOrder(
                                tuple("social-security", "mapping.invalid_identifier"),
                                tuple("social-security", "feed.malformed_event"),
                                tuple("social-security", "mapping.missing_field")));
        assertThat(core.rejections()).allSatisfy(rejection -> assertThat(rejection.message()).doesNotContain(badNumber));
    }

    /** Speaks as the department's own system: publishes one event on its change topic, returns its message id. */
    private String publish(String event) throws Exception {
        try (ActiveMQConnectionFactory department = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
             JMSContext jms = department.createContext()) {
            TextMessage message = jms.createTextMessage(event);
            message.setStringProperty("RESULT", "OK");
            jms.createProducer().send(jms.createTopic("RS.CBXX.BG"), message);
            return message.getJMSMessageID();
        }
    }

    /** The department's reply text to the same request the connector sends, asked with a plain JMS client. */
    private String replyText(String idNumber) throws Exception {
        try (ActiveMQConnectionFactory department = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
             JMSContext jms = department.createContext()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            try (JMSConsumer consumer = jms.createConsumer(replies)) {
                jms.createProducer().setJMSReplyTo(replies)
                        .send(jms.createQueue("RS.CBXX.REQ"), "{\"sfzhm\":\"" + idNumber + "\"}");
                Message reply = consumer.receive(Duration.ofSeconds(10).toMillis());
                assertThat(reply).as("a reply from the department").isInstanceOf(TextMessage.class);
                return ((TextMessage) reply).getText();
            }
        }
    }
}

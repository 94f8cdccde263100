package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.seed.SocialInsurance;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SocialSecurityApplicationsTest {

    private static final Duration DELAY = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every decision message from RS.SQ.JG, in the order received. */
    private static final List<JsonNode> DECISIONS = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> DELIVERY_MODES = new ConcurrentHashMap<>();

    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static ActiveMQConnectionFactory factory;
    private static Connection connection;
    private static Session listening;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).decisionDelay(DELAY).build());
        factory = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
        connection = factory.createConnection();
        listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(listening.createQueue("RS.SQ.JG")).setMessageListener(message -> {
            try {
                JsonNode decision = JSON.readTree(((TextMessage) message).getText());
                DELIVERY_MODES.put(decision.path("SQBH").asText(), message.getJMSDeliveryMode());
                DECISIONS.add(decision);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
    }

    @AfterEach
    void resetKnobs() {
        sandbox.resetKnobs();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        factory.close();
        sandbox.close();
    }

    @Test
    @DisplayName("insurance registration on RS.SQ.REQ: after the delay a persistent TG decision with a new SBBH on RS.SQ.JG")
    void registrationIsApproved() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        OffsetDateTime before = OffsetDateTime.now();
        send(application(sqbh, "insurance-registration", sandbox.seed().demoPerson().identityNumber()));
        JsonNode decision = awaitDecision(sqbh);
        assertThat(decision.fieldNames()).toIterable().containsExactly("XH", "SQBH", "SLBH", "JG", "YY", "SBBH", "BJSJ");
        assertThat(decision.path("XH").isIntegralNumber()).isTrue();
        assertThat(decision.path("SLBH").asText()).startsWith("RSSL");
        assertThat(decision.path("JG").asText()).isEqualTo("TG");
        assertThat(decision.path("YY")).isEmpty();
        assertThat(decision.path("SBBH").asText()).startsWith("SB");
        assertThat(Duration.between(before, OffsetDateTime.parse(decision.path("BJSJ").asText())))
                .isGreaterThanOrEqualTo(DELAY);
        assertThat(DELIVERY_MODES).containsEntry(sqbh, DeliveryMode.PERSISTENT);
    }

    @Test
    @DisplayName("BTG INSURANCE_TERMINATED for a terminated record (cbzt 3); TG without SBBH for company establishment; MATTER_NOT_HANDLED")
    void rulesByInsuranceStatus() throws Exception {
        String terminated = sandbox.seed().socialInsurances().stream()
                .filter(r -> r.status().equals("3") && r.heldUnder().length() == 18).findFirst()
                .map(SocialInsurance::heldUnder).orElseThrow();
        String refused = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(application(refused, "insurance-registration", terminated));
        send(application(unit, "company-establishment", sandbox.seed().demoPerson().identityNumber()));
        send(application(other, "residence-permit", sandbox.seed().demoPerson().identityNumber()));

        JsonNode rejected = awaitDecision(refused);
        assertThat(rejected.path("JG").asText()).isEqualTo("BTG");
        assertThat(rejected.has("SBBH")).isFalse();
        assertThat(rejected.path("YY")).hasSize(1);
        assertThat(rejected.path("YY").get(0).path("DM").asText()).isEqualTo("INSURANCE_TERMINATED");
        assertThat(rejected.path("YY").get(0).path("SM").asText()).isNotBlank();
        assertThat(rejected.path("YY").get(0).path("YJ").asText()).isEqualTo("《中华人民共和国社会保险法》");
        JsonNode approved = awaitDecision(unit);
        assertThat(approved.path("JG").asText()).isEqualTo("TG");
        assertThat(approved.has("SBBH")).isFalse();
        assertThat(awaitDecision(other).path("YY").get(0).path("DM").asText()).isEqualTo("MATTER_NOT_HANDLED");
    }

    @Test
    @DisplayName("the same SQBH twice on the queue: one decision message, both receipts counted")
    void sameApplicationTwiceIsDecidedOnce() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        String body = application(sqbh, "insurance-registration", sandbox.seed().demoPerson().identityNumber());
        send(body);
        send(body);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.applications(SystemId.SOCIAL_SECURITY).receipts().getOrDefault(sqbh, 0) == 2);
        awaitDecision(sqbh);
        Thread.sleep(DELAY.multipliedBy(4).toMillis());
        ApplicationCounts counts = sandbox.applications(SystemId.SOCIAL_SECURITY);
        assertThat(counts.decisions()).containsEntry(sqbh, 1);
        assertThat(DECISIONS.stream().filter(d -> d.path("SQBH").asText().equals(sqbh))).hasSize(1);
    }

    @Test
    @DisplayName("decision messages carry XH 1, 2, 3, ... without gaps, in the order decided")
    void decisionsAreNumberedInOrder() throws Exception {
        List<String> mine = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String sqbh : mine) {
            send(application(sqbh, "company-establishment", sandbox.seed().demoPerson().identityNumber()));
        }
        mine.forEach(SocialSecurityApplicationsTest::awaitDecision);
        assertThat(DECISIONS.stream().map(d -> d.path("XH").asLong()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, DECISIONS.size()).boxed().toList());
        assertThat(DECISIONS.stream().map(d -> d.path("SQBH").asText()).filter(mine::contains)).containsExactlyElementsOf(mine);
    }

    @Test
    @DisplayName("not JSON, not an object, no SQBH, no SXBM: sent to the DLQ with REFUSED at once, nothing received")
    void badApplicationsGoToTheDeadLetterQueue() throws Exception {
        int deliveries = sandbox.applications(SystemId.SOCIAL_SECURITY).deliveries();
        List<String> bad = List.of("not json", "[1]", "{\"SXBM\":\"insurance-registration\",\"SFZHM\":\"x\"}",
                "{\"SQBH\":\"" + UUID.randomUUID() + "\"}");
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer deadLetters = session.createConsumer(session.createQueue("DLQ"));
            bad.forEach(SocialSecurityApplicationsTest::send);
            for (String body : bad) {
                Message refused = deadLetters.receive(10_000);
                assertThat(refused).as(body).isNotNull();
                assertThat(((TextMessage) refused).getText()).isEqualTo(body);
                assertThat(refused.getStringProperty("REFUSED")).startsWith("BAD_REQUEST");
            }
        }
        assertThat(sandbox.applications(SystemId.SOCIAL_SECURITY).deliveries()).isEqualTo(deliveries);
    }

    @Test
    @DisplayName("while social security is down an application stays queued; up again, it is received and decided")
    void applicationsWaitWhileDown() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        sandbox.knobs(SystemId.SOCIAL_SECURITY).down(true);
        send(application(sqbh, "insurance-registration", sandbox.seed().demoPerson().identityNumber()));
        Thread.sleep(300);
        assertThat(sandbox.applications(SystemId.SOCIAL_SECURITY).receipts()).doesNotContainKey(sqbh);
        sandbox.knobs(SystemId.SOCIAL_SECURITY).down(false);
        assertThat(awaitDecision(sqbh).path("JG").asText()).isEqualTo("TG");
    }

    @Test
    @DisplayName("error rate 1: each attempt rolls back, the broker redelivers, and after its attempts the application is in the DLQ")
    void failingAttemptsRollBack() throws Exception {
        String sqbh = UUID.randomUUID().toString();
        sandbox.knobs(SystemId.SOCIAL_SECURITY).errorRate(1.0);
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer deadLetters = session.createConsumer(session.createQueue("DLQ"));
            send(application(sqbh, "insurance-registration", sandbox.seed().demoPerson().identityNumber()));
            Message dead = deadLetters.receive(10_000);
            assertThat(dead).isNotNull();
            assertThat(JSON.readTree(((TextMessage) dead).getText()).path("SQBH").asText()).isEqualTo(sqbh);
            assertThat(dead.getStringProperty("REFUSED")).isNull();
        }
        assertThat(sandbox.applications(SystemId.SOCIAL_SECURITY).receipts()).doesNotContainKey(sqbh);
    }

    private static String application(String sqbh, String matter, String identityNumber) {
        return JSON.createObjectNode().put("SQBH", sqbh).put("SXBM", matter).put("SFZHM", identityNumber)
                .put("XM", "测试申请人").put("DWMC", sandbox.seed().demoCompany().name()).toString();
    }

    private static void send(String body) {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("RS.SQ.REQ")).send(session.createTextMessage(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode awaitDecision(String sqbh) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> DECISIONS.stream()
                .filter(d -> d.path("SQBH").asText().equals(sqbh)).findFirst().orElse(null), d -> d != null);
    }
}

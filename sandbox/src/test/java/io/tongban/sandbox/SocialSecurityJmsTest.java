package io.tongban.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.SocialInsurance;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SocialSecurityJmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_MS = 10_000;

    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static ActiveMQConnectionFactory factory;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(temp).build());
        factory = new ActiveMQConnectionFactory(sandbox.socialSecurityBrokerUrl());
        connection = factory.createConnection();
        connection.start();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        factory.close();
        sandbox.close();
    }

    @Test
    @DisplayName("a request on RS.CBXX.REQ is answered on JMSReplyTo with RESULT OK, the correlation id and the CBXX body")
    void requestReplyReturnsTheRecord() throws Exception {
        Person demo = sandbox.seed().demoPerson();
        Message reply = ask("{\"sfzhm\":\"" + demo.identityNumber() + "\"}", "corr-1");
        assertThat(reply.getStringProperty("RESULT")).isEqualTo("OK");
        assertThat(reply.getJMSCorrelationID()).isEqualTo("corr-1");
        JsonNode body = JSON.readTree(((TextMessage) reply).getText());
        assertThat(body.path("sfzhm").asText()).isEqualTo(demo.identityNumber());
        assertThat(body.path("xm").asText()).isEqualTo(demo.name());
        assertThat(body.path("cbzt").asText()).isEqualTo("1");
        assertThat(body.path("xzlx").get(0).path("xz").asText()).isEqualTo("110");
        assertThat(body.path("xzlx").get(0).path("jfys").isInt()).isTrue();
        assertThat(body.path("dwtyshxydm").asText()).isEqualTo(sandbox.seed().demoCompany().creditCode());
        assertThat(body.path("lxdz").asText()).isEqualTo(demo.address());
        assertThat(body.path("gxsj").isNumber()).isTrue();
    }

    @Test
    @DisplayName("without a JMSCorrelationID the reply is correlated by the request's JMSMessageID")
    void correlatesByMessageIdWhenNoCorrelationId() throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage("{\"sfzhm\":\"" + sandbox.seed().demoPerson().identityNumber() + "\"}");
            request.setJMSReplyTo(replyQueue);
            session.createProducer(session.createQueue("RS.CBXX.REQ")).send(request);
            Message reply = session.createConsumer(replyQueue).receive(ANSWER_TIMEOUT_MS);
            assertThat(reply).isNotNull();
            assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        }
    }

    @Test
    @DisplayName("an unknown number is answered RESULT NOT_FOUND; a malformed body RESULT ERROR with code BAD_REQUEST")
    void notFoundAndBadRequest() throws Exception {
        Message missing = ask("{\"sfzhm\":\"11010519491231002X\"}", "corr-2");
        assertThat(missing.getStringProperty("RESULT")).isEqualTo("NOT_FOUND");
        assertThat(JSON.readTree(((TextMessage) missing).getText()).path("code").asText()).isEqualTo("NOT_FOUND");
        Message malformed = ask("not json", "corr-3");
        assertThat(malformed.getStringProperty("RESULT")).isEqualTo("ERROR");
        assertThat(JSON.readTree(((TextMessage) malformed).getText()).path("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    @DisplayName("case (e): the 18-digit number is NOT_FOUND, the old 15-digit number answers with a 15-digit sfzhm")
    void oldNumberOnlyAnswersToFifteenDigits() throws Exception {
        String id = sandbox.seed().cases().oldIdentityNumber();
        String old = id.substring(0, 6) + id.substring(8, 17);
        assertThat(ask("{\"sfzhm\":\"" + id + "\"}", "corr-4").getStringProperty("RESULT")).isEqualTo("NOT_FOUND");
        Message reply = ask("{\"sfzhm\":\"" + old + "\"}", "corr-5");
        assertThat(reply.getStringProperty("RESULT")).isEqualTo("OK");
        assertThat(JSON.readTree(((TextMessage) reply).getText()).path("sfzhm").asText()).isEqualTo(old).hasSize(15);
    }

    @Test
    @DisplayName("cases (a), (b), (c) as served: other contact address, full-width space in xm, deceased person still paying")
    void disagreementsOverTheWire() throws Exception {
        var cases = sandbox.seed().cases();
        JsonNode address = body(ask("{\"sfzhm\":\"" + cases.addressDisagreement() + "\"}", "a"));
        assertThat(address.path("lxdz").asText()).isNotEqualTo(sandbox.seed().person(cases.addressDisagreement()).orElseThrow().address());
        assertThat(body(ask("{\"sfzhm\":\"" + cases.fullWidthSpaceName() + "\"}", "b")).path("xm").asText()).contains("\u3000");
        assertThat(body(ask("{\"sfzhm\":\"" + cases.deceasedButPaying() + "\"}", "c")).path("cbzt").asText()).isEqualTo("1");
    }

    @Test
    @DisplayName("change events are published on the topic RS.CBXX.BG with the OK-reply JSON, and later lookups agree")
    void changeEventsReachTopicSubscribers() throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer subscriber = session.createConsumer(session.createTopic("RS.CBXX.BG"));
            List<SocialInsurance> published = sandbox.publishSocialSecurityChangeEvents();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < published.size(); i++) {
                Message event = subscriber.receive(ANSWER_TIMEOUT_MS);
                assertThat(event).isNotNull();
                received.add(JSON.readTree(((TextMessage) event).getText()).path("sfzhm").asText());
            }
            assertThat(received).containsExactlyElementsOf(published.stream().map(SocialInsurance::heldUnder).toList());
            SocialInsurance changed = published.get(0);
            JsonNode now = body(ask("{\"sfzhm\":\"" + changed.heldUnder() + "\"}", "after-event"));
            assertThat(now.path("gxsj").asLong()).isEqualTo(changed.updatedAtMillis());
            assertThat(now.path("cbzt").asText()).isEqualTo(changed.status());
        }
    }

    private static JsonNode body(Message message) throws Exception {
        assertThat(message.getStringProperty("RESULT")).isEqualTo("OK");
        return JSON.readTree(((TextMessage) message).getText());
    }

    static Message ask(String body, String correlationId) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replyQueue = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(body);
            request.setJMSReplyTo(replyQueue);
            request.setJMSCorrelationID(correlationId);
            session.createProducer(session.createQueue("RS.CBXX.REQ")).send(request);
            Message reply = session.createConsumer(replyQueue).receive(ANSWER_TIMEOUT_MS);
            assertThat(reply).as("a reply within the timeout").isNotNull();
            return reply;
        }
    }
}

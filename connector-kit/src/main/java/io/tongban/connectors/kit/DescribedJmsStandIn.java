package io.tongban.connectors.kit;

import io.tongban.connectors.described.JmsDescription;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.Parameter;
import io.tongban.mappings.SubjectType;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Test double of a described JMS department, built from its folder alone: the department's own broker (an embedded
 * Artemis on a loopback port, its journal in a temporary directory) with the department's system on it. It answers lookups on the described
 * request queue with the record of every person fixture that maps without error, found by the identifier its
 * record holds (so a fixture whose record holds the old 15-digit number stands for a person filed under it), the
 * described not-found status for anyone else; it takes applications from the application queue and puts the
 * decisions taken on cue on the decision queue, and publishes changes on cue on the change topic. Misbehaving on cue,
 * it stops its broker (connections refused), answers with a status that is neither found nor not found, answers
 * late, answers garbage, or serves the unknown-code fixture. JSON bodies have no external entities to test.
 */
public final class DescribedJmsStandIn extends CuedStandIn {

    /** Concurrent answers: a slow one must not hold up the next request. */
    private static final int RESPONDERS = 8;

    private final JmsDescription jms;
    private final String requestQueue;
    private final String applicationQueue;
    private final String decisionQueue;
    private final String changeTopic;
    /** The broker's journal: the bus's durable subscription outlives the broker going down and coming back. */
    private final Path journal;
    private final AtomicInteger decided = new AtomicInteger();
    private final List<FixtureCase> persons;
    private final int port = freePort();
    private EmbeddedActiveMQ broker;
    private Connection connection;

    private DescribedJmsStandIn(DepartmentFolder folder) {
        super(folder);
        ConnectorDescription description = folder.description();
        this.jms = JmsDescription.read(description);
        this.requestQueue = jms.personLookup() == null ? null : defaultOf(description, jms.personLookup().queue());
        this.applicationQueue = jms.delivery() == null ? null : defaultOf(description, jms.delivery().queue());
        this.decisionQueue = jms.decisions() == null ? null : defaultOf(description, jms.decisions().queue());
        this.changeTopic = jms.changeFeed() == null ? null : defaultOf(description, jms.changeFeed().topic());
        try {
            this.journal = Files.createTempDirectory("tongban-kit-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.persons = folder.fixtures(SubjectType.PERSON, false);
        up();
    }

    /** Starts the stand-in of a described JMS department, its broker on a free loopback port. */
    public static DescribedJmsStandIn of(String source) {
        return new DescribedJmsStandIn(DepartmentFolder.of(source));
    }

    /** The department's broker, for {@code bus.connectors.<source>.broker-url}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private static String defaultOf(ConnectorDescription description, String parameter) {
        Parameter queue = description.parameters().get(parameter);
        if (queue.defaultValue() == null || queue.defaultValue().isBlank()) {
            throw new IllegalStateException(description.location() + ": the stand-in listens on the default of "
                    + parameter + "; it has none");
        }
        return queue.defaultValue();
    }

    @Override
    public HeldSubject held(SubjectType type) {
        return persons.stream().filter(fixture -> fixture.record().containsValue(subjectId(fixture)))
                .findFirst().map(DescribedJmsStandIn::subject).orElseThrow(() -> new IllegalStateException(
                        folder.source() + ": the stand-in serves a person fixture that maps without error; there is none"));
    }

    @Override
    public Optional<HeldSubject> heldUnderOldNumber() {
        return persons.stream().filter(fixture -> !fixture.record().containsValue(subjectId(fixture))
                        && fixture.record().containsValue(oldForm(subjectId(fixture))))
                .findFirst().map(DescribedJmsStandIn::subject);
    }

    private static HeldSubject subject(FixtureCase fixture) {
        return new HeldSubject(subjectId(fixture), fixture.expectedFields());
    }

    private static String subjectId(FixtureCase fixture) {
        return fixture.expectation().path("subjectId").asText();
    }

    /** The 15-digit form of an 18-digit identity number: without the century and the check character. */
    private static String oldForm(String idNumber) {
        return idNumber.length() == 18 ? idNumber.substring(0, 6) + idNumber.substring(8, 17) : idNumber;
    }

    /** Puts the decision on the department's decision queue. */
    @Override
    public void decide(String submission, boolean approve) {
        send(false, decisionQueue, decision(decided.incrementAndGet(), submission, approve,
                jms.decisions().dialect()));
    }

    /** Publishes the held person's whole record, as of its own time, on the change topic. */
    @Override
    public String publishChange() {
        HeldSubject person = held(SubjectType.PERSON);
        send(true, changeTopic, persons.stream().filter(fixture -> subjectId(fixture).equals(person.id()))
                .findFirst().orElseThrow().record());
        return person.id();
    }

    @Override
    public void publishUnmappableChange() {
        send(true, changeTopic, unknownCodeRecord(SubjectType.PERSON));
    }

    private synchronized void send(boolean topic, String destination, Map<String, Object> body) {
        if (connection == null) {
            throw new IllegalStateException("the stand-in is down: answerNormally() first");
        }
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(topic ? session.createTopic(destination) : session.createQueue(destination))
                    .send(session.createTextMessage(FixtureCase.JSON.writeValueAsString(body)));
        } catch (JMSException | IOException e) {
            throw new IllegalStateException("the stand-in could not send to " + destination, e);
        }
    }

    @Override
    public synchronized void goDown() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the stand-in's broker did not stop", e);
        } finally {
            connection = null;
            broker = null;
        }
    }

    @Override
    public void answerWithExternalEntity(URI file) {
        throw new UnsupportedOperationException("a JMS department with JSON bodies is not asked for XML");
    }

    @Override
    synchronized void comeUp() {
        if (broker == null) {
            up();
        }
    }

    private synchronized void up() {
        try {
            broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                    .setName("kit-" + folder.source())
                    .setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(journal.resolve("journal").toString())
                    .setBindingsDirectory(journal.resolve("bindings").toString())
                    .setPagingDirectory(journal.resolve("paging").toString())
                    .setLargeMessagesDirectory(journal.resolve("large-messages").toString())
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration("tcp", url()));
            broker.start();
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
            // no prefetch: a request waits for a free responder, not behind a slow one
            factory.setConsumerWindowSize(0);
            connection = factory.createConnection();
            connection.start();
            if (requestQueue != null) {
                for (int i = 0; i < RESPONDERS; i++) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer replies = session.createProducer(null);
                    session.createConsumer(session.createQueue(requestQueue))
                            .setMessageListener(request -> reply(session, replies, request));
                }
            }
            if (applicationQueue != null) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(session.createQueue(applicationQueue))
                        .setMessageListener(application -> takeDelivery());
            }
        } catch (Exception e) {
            goDown();
            throw new IllegalStateException("the stand-in's broker did not start on " + url(), e);
        }
    }

    private void reply(Session session, MessageProducer replies, Message request) {
        try {
            Destination replyTo = request.getJMSReplyTo();
            Behaviour now = behaviourAfterDelay();
            JmsDescription.Lookup lookup = jms.personLookup();
            String asked = asked(((TextMessage) request).getText());
            Optional<FixtureCase> record = persons.stream().filter(fixture -> fixture.record().containsValue(asked))
                    .findFirst();
            TextMessage reply = session.createTextMessage();
            if (now == Behaviour.SERVER_ERROR) {
                reply.setStringProperty(lookup.status(), "KIT_SERVER_ERROR");
                // as careless departments do: the error quotes the request, the subject's identifier with it
                reply.setText("internal error serving " + asked);
            } else if (record.isEmpty()) {
                reply.setStringProperty(lookup.status(), lookup.notFound());
            } else {
                reply.setStringProperty(lookup.status(), lookup.found());
                reply.setText(now == Behaviour.GARBAGE ? GARBAGE : FixtureCase.JSON.writeValueAsString(
                        now == Behaviour.UNKNOWN_CODE ? unknownCodeRecord(SubjectType.PERSON) : record.get().record()));
            }
            reply.setJMSCorrelationID(request.getJMSCorrelationID() != null ? request.getJMSCorrelationID()
                    : request.getJMSMessageID());
            replies.send(replyTo, reply);
        } catch (JMSException | IOException e) {
            // the asker is gone (it stopped waiting) or asked in no JSON at all: a department answers no one then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The identifier the request asks about: the value of its field described as taking the id. */
    private String asked(String request) throws IOException {
        Map<?, ?> fields = FixtureCase.JSON.readValue(request, Map.class);
        return jms.personLookup().request().keySet().stream().map(fields::get).filter(value -> value != null)
                .map(Object::toString).findFirst().orElse("");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        goDown();
        try (java.util.stream.Stream<Path> files = Files.walk(journal)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind: the system cleans it
        }
    }
}

package io.tongban.sandbox.socialsecurity;

import io.tongban.sandbox.applications.ApplicationCounts;
import io.tongban.sandbox.applications.Decision;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.Seed;
import io.tongban.sandbox.seed.SocialInsurance;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The social security line system: its own embedded Artemis broker (persistent, security off), a few
 * consumers answering RS.CBXX.REQ, change events on the multicast address RS.CBXX.BG, applications taken
 * from RS.SQ.REQ and their decisions sent to RS.SQ.JG.
 */
public final class SocialSecuritySystem implements SystemKnobs.Listening, AutoCloseable {

    public static final String REQUEST_QUEUE = "RS.CBXX.REQ";
    public static final String CHANGE_TOPIC = "RS.CBXX.BG";
    public static final String APPLICATION_QUEUE = "RS.SQ.REQ";
    public static final String DECISION_QUEUE = "RS.SQ.JG";
    public static final String DEAD_LETTER_QUEUE = "DLQ";
    private static final Logger LOG = LoggerFactory.getLogger(SocialSecuritySystem.class);
    private static final int CONSUMERS = 4;
    private static final int EVENTS_PER_BATCH = 3;
    /** Nanoseconds; the default is tuned for slow disks and makes durable sends crawl (field notes). */
    private static final int JOURNAL_BUFFER_TIMEOUT_NANOS = 150_000;
    /** Small journal files: the broker pre-allocates two at start, and the sandbox's traffic is light. */
    private static final int JOURNAL_FILE_BYTES = 1024 * 1024;

    private final Map<String, SocialInsurance> records = new ConcurrentHashMap<>();
    private final SystemKnobs knobs;
    private final DecisionDesk desk;
    private final String brokerUrl;
    private final EmbeddedActiveMQ broker;
    private final ActiveMQConnectionFactory connectionFactory;
    private final Connection connection;
    private final List<Session> consumerSessions = new ArrayList<>();
    private final Session publisherSession;
    private final MessageProducer publisher;
    /** Used by the desk's decision thread only, as a JMS session must be. */
    private final Session decisionSession;
    private final MessageProducer decisionSender;
    private final List<String> changeable;
    private final Random changes;
    private final Clock clock;

    /** @param port a concrete port for the tcp acceptor */
    public SocialSecuritySystem(Seed seed, long randomSeed, SystemKnobs knobs, String host, int port,
                                Path dataDirectory, Duration decisionDelay, Clock clock) {
        seed.socialInsurances().forEach(r -> records.put(r.heldUnder(), r));
        this.knobs = knobs;
        this.desk = new DecisionDesk("social-security", "RSSL", new SocialSecurityRules(records, clock),
                this::sendDecision, decisionDelay, clock);
        this.clock = clock;
        this.changes = new Random(randomSeed);
        this.changeable = changeableRecords(seed);
        this.brokerUrl = "tcp://" + host + ":" + port;
        try {
            this.broker = new EmbeddedActiveMQ().setConfiguration(brokerConfiguration(dataDirectory));
            broker.start();
            this.connectionFactory = new ActiveMQConnectionFactory(brokerUrl);
            // no prefetch: a request must wait for a free consumer, not queue behind a slow (latency knob) one
            this.connectionFactory.setConsumerWindowSize(0);
            this.connection = connectionFactory.createConnection();
            connection.start();
            this.publisherSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.publisher = publisherSession.createProducer(publisherSession.createTopic(CHANGE_TOPIC));
            this.decisionSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.decisionSender = decisionSession.createProducer(decisionSession.createQueue(DECISION_QUEUE));
            decisionSender.setDeliveryMode(DeliveryMode.PERSISTENT);
            startListening();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("sandbox.broker_failed: " + brokerUrl, e);
        }
        knobs.bind(this);
    }

    private Configuration brokerConfiguration(Path dataDirectory) throws Exception {
        return new ConfigurationImpl()
                .setName("tongban-sandbox-social-security")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalBufferTimeout_NIO(JOURNAL_BUFFER_TIMEOUT_NANOS)
                .setJournalBufferTimeout_AIO(JOURNAL_BUFFER_TIMEOUT_NANOS)
                .setJournalFileSize(JOURNAL_FILE_BYTES)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString())
                .addAcceptorConfiguration("tcp", brokerUrl)
                .addQueueConfiguration(QueueConfiguration.of(REQUEST_QUEUE).setRoutingType(RoutingType.ANYCAST))
                .addAddressConfiguration(new CoreAddressConfiguration().setName(CHANGE_TOPIC)
                        .addRoutingType(RoutingType.MULTICAST))
                .addQueueConfiguration(QueueConfiguration.of(APPLICATION_QUEUE).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(DECISION_QUEUE).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST))
                .addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
    }

    /** The demo person and the deliberate-case subjects keep their seed records. */
    private static List<String> changeableRecords(Seed seed) {
        Set<String> fixed = new HashSet<>();
        fixed.add(seed.demoPerson().identityNumber());
        var cases = seed.cases();
        List.of(cases.addressDisagreements(), cases.fullWidthSpaceInSocialSecurity(), cases.fullWidthSpaceInTax(),
                cases.deceasedStillPaying(), cases.heldUnderOldNumber()).forEach(fixed::addAll);
        return seed.socialInsurances().stream()
                .filter(r -> !fixed.contains(r.identityNumber()) && !r.status().equals("3"))
                .map(SocialInsurance::heldUnder).toList();
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** The record as it stands now, after any change events. */
    public Optional<SocialInsurance> record(String heldUnder) {
        return Optional.ofNullable(records.get(heldUnder));
    }

    /** How often each application was received and decided. */
    public ApplicationCounts applications() {
        return desk.counts();
    }

    @Override
    public synchronized void startListening() {
        if (!consumerSessions.isEmpty()) {
            return;
        }
        try {
            for (int i = 0; i < CONSUMERS; i++) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                consumerSessions.add(session);
                MessageConsumer consumer = session.createConsumer(session.createQueue(REQUEST_QUEUE));
                consumer.setMessageListener(new CbxxResponder(records, knobs, session));
            }
            Session applications = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumerSessions.add(applications);
            applications.createConsumer(applications.createQueue(APPLICATION_QUEUE))
                    .setMessageListener(new ApplicationConsumer(desk, knobs, applications, DEAD_LETTER_QUEUE));
        } catch (JMSException e) {
            stopListening();
            throw new IllegalStateException("sandbox.cannot_listen: " + REQUEST_QUEUE + ", " + APPLICATION_QUEUE, e);
        }
    }

    /**
     * Closes the request and application consumers: requests and applications stay queued, request senders
     * time out. Decisions already due are still taken and sent.
     */
    @Override
    public synchronized void stopListening() {
        for (Session session : consumerSessions) {
            try {
                session.close();
            } catch (JMSException e) {
                // Closing a session of a broker that is going away; nothing left to release.
            }
        }
        consumerSessions.clear();
    }

    /**
     * Changes a few records (a month paid, a suspension, a resumption), stamps them with the current
     * time and publishes each on RS.CBXX.BG.
     */
    public synchronized List<SocialInsurance> publishChangeEvents() {
        List<SocialInsurance> published = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        while (published.size() < EVENTS_PER_BATCH) {
            String key = changeable.get(changes.nextInt(changeable.size()));
            if (chosen.add(key)) {
                SocialInsurance changed = changed(records.get(key));
                records.put(key, changed);
                publish(changed);
                published.add(changed);
            }
        }
        return published;
    }

    private SocialInsurance changed(SocialInsurance current) {
        boolean suspend = current.status().equals("1") && changes.nextDouble() < 0.3;
        String status = current.status().equals("2") ? "1" : suspend ? "2" : "1";
        List<SocialInsurance.Insurance> insurances = current.insurances().stream()
                .map(i -> new SocialInsurance.Insurance(i.type(), status,
                        status.equals("1") ? i.monthsPaid() + 1 : i.monthsPaid()))
                .toList();
        return current.withStatus(status, insurances, clock.millis());
    }

    private void publish(SocialInsurance record) {
        try {
            TextMessage event = publisherSession.createTextMessage(CbxxJson.record(record));
            event.setStringProperty(CbxxResponder.RESULT, "OK");
            publisher.send(event);
        } catch (JMSException e) {
            throw new IllegalStateException("sandbox.publish_failed: " + CHANGE_TOPIC, e);
        }
    }

    /**
     * Sends a decision to RS.SQ.JG, persistent: the send returns once the broker has it on disk. A decision
     * that cannot be sent stays in the log only.
     */
    private void sendDecision(Decision decision) {
        try {
            decisionSender.send(decisionSession.createTextMessage(CbxxJson.decision(decision)));
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not send decision XH {} to {}", decision.sequence(), DECISION_QUEUE, e);
        }
    }

    @Override
    public void close() {
        stopListening();
        desk.close();
        try {
            if (connection != null) {
                connection.close();
            }
            if (connectionFactory != null) {
                connectionFactory.close();
            }
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("sandbox.broker_stop_failed", e);
        }
    }
}

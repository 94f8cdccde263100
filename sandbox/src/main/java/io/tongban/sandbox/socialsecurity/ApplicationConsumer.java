package io.tongban.sandbox.socialsecurity;

import io.tongban.sandbox.applications.ApplicationJson;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.knobs.SystemKnobs;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Takes applications from RS.SQ.REQ, each in its own transaction: the message leaves the queue only once the
 * desk has it (a repeat of an SQBH is answered by the desk, not decided again). An application that can never
 * be read goes to the dead-letter queue at once, in the same transaction, since redelivering it cannot help.
 */
final class ApplicationConsumer implements MessageListener {

    /** Names why a message was sent to the dead-letter queue. */
    static final String REFUSED = "REFUSED";
    private static final List<String> FIELDS = List.of("SFZHM", "XM", "DWMC");
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationConsumer.class);

    private final DecisionDesk desk;
    private final SystemKnobs knobs;
    private final Session session;
    private final MessageProducer deadLetters;

    /** @param session a transacted session used by this consumer alone */
    ApplicationConsumer(DecisionDesk desk, SystemKnobs knobs, Session session, String deadLetterQueue)
            throws JMSException {
        this.desk = desk;
        this.knobs = knobs;
        this.session = session;
        this.deadLetters = session.createProducer(session.createQueue(deadLetterQueue));
    }

    @Override
    public void onMessage(Message message) {
        try {
            knobs.delay();
            if (knobs.shouldFail()) {
                // The simulated failure rolls back: the broker delivers the application again.
                session.rollback();
                return;
            }
            String text = message instanceof TextMessage textMessage ? textMessage.getText() : null;
            try {
                desk.receive(ApplicationJson.read(text == null ? "" : text, FIELDS));
            } catch (IllegalArgumentException e) {
                LOG.warn("Refused application message {} to the dead-letter queue: {}", message.getJMSMessageID(),
                        e.getMessage());
                TextMessage refused = session.createTextMessage(text);
                refused.setStringProperty(REFUSED, "BAD_REQUEST: " + e.getMessage());
                deadLetters.send(refused);
            }
            session.commit();
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not take an application from the queue; it stays there", e);
            rollback();
        }
    }

    private void rollback() {
        try {
            session.rollback();
        } catch (JMSException e) {
            // The session is gone (system down or closing): the broker redelivers the message anyway.
        }
    }
}

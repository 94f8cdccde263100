package io.tongban.sandbox.socialsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.seed.IdentityNumbers;
import io.tongban.sandbox.seed.SocialInsurance;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Answers one insurance-status request from RS.CBXX.REQ on the request's JMSReplyTo, correlated by the
 * request's JMSCorrelationID or, when it has none, its JMSMessageID.
 */
final class CbxxResponder implements MessageListener {

    static final String RESULT = "RESULT";
    private static final Logger LOG = LoggerFactory.getLogger(CbxxResponder.class);

    private final Map<String, SocialInsurance> records;
    private final SystemKnobs knobs;
    private final Session session;
    private final MessageProducer replies;

    CbxxResponder(Map<String, SocialInsurance> records, SystemKnobs knobs, Session session) throws JMSException {
        this.records = records;
        this.knobs = knobs;
        this.session = session;
        this.replies = session.createProducer(null);
    }

    @Override
    public void onMessage(Message request) {
        try {
            Destination replyTo = request.getJMSReplyTo();
            if (replyTo == null) {
                LOG.warn("Dropped request {} without JMSReplyTo: nowhere to answer", request.getJMSMessageID());
                return;
            }
            String correlationId = request.getJMSCorrelationID() != null
                    ? request.getJMSCorrelationID() : request.getJMSMessageID();
            knobs.delay();
            TextMessage reply = answer(request);
            reply.setJMSCorrelationID(correlationId);
            replies.send(replyTo, reply);
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not answer an insurance-status request", e);
        }
    }

    private TextMessage answer(Message request) throws JMSException {
        if (knobs.shouldFail()) {
            return reply("ERROR", CbxxJson.error("INTERNAL_ERROR", "simulated failure of the social security system"));
        }
        String number = requestedNumber(request);
        if (number == null) {
            return reply("ERROR", CbxxJson.error("BAD_REQUEST",
                    "body must be a JSON object {\"sfzhm\": a 15-digit or 18-character identity number}"));
        }
        SocialInsurance record = records.get(number);
        if (record == null) {
            LOG.debug("CBXX {}: not found", IdentityNumbers.mask(number));
            return reply("NOT_FOUND", CbxxJson.error("NOT_FOUND", "no insurance record for this sfzhm"));
        }
        LOG.debug("CBXX {}: found", IdentityNumbers.mask(number));
        return reply("OK", CbxxJson.record(record));
    }

    /** The requested number, or null when the request is not a well-formed identity-number query. */
    private static String requestedNumber(Message request) {
        try {
            if (!(request instanceof TextMessage text) || text.getText() == null) {
                return null;
            }
            JsonNode sfzhm = CbxxJson.MAPPER.readTree(text.getText()).path("sfzhm");
            String number = sfzhm.isTextual() ? sfzhm.asText().trim() : "";
            return number.matches("\\d{15}|\\d{17}[\\dX]") ? number : null;
        } catch (JMSException | IOException e) {
            return null;
        }
    }

    private TextMessage reply(String result, String body) throws JMSException {
        TextMessage reply = session.createTextMessage(body);
        reply.setStringProperty(RESULT, result);
        return reply;
    }
}

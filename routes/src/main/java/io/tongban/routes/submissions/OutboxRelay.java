package io.tongban.routes.submissions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the outbox onto the departments' durable queues ({@code tongban.submissions.<department>}) on the bus's own
 * broker. A message is marked sent only after the broker took it; each carries Artemis's duplicate-detection id
 * (submission and department), so that a message sent again after a crash between the two, or by a second node
 * relaying the same row, is dropped by the broker rather than delivered twice.
 */
class OutboxRelay {

    static final String QUEUE_PREFIX = "tongban.submissions.";
    private static final int BATCH = 100;

    private record Message(String submission, String department, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProducerTemplate producer;
    private final Clock clock;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerTemplate producer, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * Relays what waits, oldest first, a batch at a time until none is full; each batch is marked sent in one
     * transaction. Returns how many messages went.
     */
    public int relay() {
        int relayed = 0;
        List<Message> waiting;
        do {
            waiting = jdbc.query("SELECT submission_id, department, payload FROM submission_outbox"
                            + " WHERE sent_at IS NULL ORDER BY created_at FETCH FIRST " + BATCH + " ROWS ONLY",
                    (row, n) -> new Message(row.getString(1), row.getString(2), row.getString(3)));
            List<Object[]> sent = new ArrayList<>();
            for (Message message : waiting) {
                producer.sendBodyAndHeaders("jms:queue:" + QUEUE_PREFIX + message.department(), message.payload(),
                        Map.of("_AMQ_DUPL_ID", message.submission() + ":" + message.department(),
                                "submission", message.submission(), "department", message.department()));
                sent.add(new Object[] {Timestamp.from(clock.instant()), message.submission(), message.department()});
            }
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(
                    "UPDATE submission_outbox SET sent_at = ? WHERE submission_id = ? AND department = ?", sent));
            relayed += waiting.size();
        } while (waiting.size() == BATCH);
        return relayed;
    }
}

package io.tongban.routes.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tongban.routes.SandboxedBusTest;
import io.tongban.sandbox.SystemId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox relay against the bus's own Artemis broker: an accepted submission reaches its department through its
 * durable queue, and a message sent again (a crash between sending and marking it sent) is dropped by the broker.
 */
class OutboxRelayTest extends SandboxedBusTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("An accepted submission reaches its department once, even when its outbox row is relayed twice")
    void relayedOnceWhateverHappens() {
        String body = "{\"matter\":\"insurance-registration\",\"applicant\":\"440604197701127170\","
                + "\"commitments\":[\"labour-contract\"],\"declineReuse\":[\"labour-contract\"]}";
        Answer accepted = send(request("/api/v1/submissions").setHeader("Tongban-Purpose", "insurance-registration")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String id = accepted.body().path("id").asText();

        awaitSent(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id) == 1);
        jdbc.update("UPDATE submission_outbox SET sent_at = NULL WHERE submission_id = ?", id); // as after a crash
        awaitSent(id);

        assertThat(accepted.status()).isEqualTo(202);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receipts(id) == 1);
    }

    private static int receipts(String id) {
        return sandbox().applications(SystemId.SOCIAL_SECURITY).receipts().getOrDefault(id, 0);
    }

    private void awaitSent(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM submission_outbox WHERE submission_id = ? AND sent_at IS NOT NULL", Long.class, id) == 1);
    }
}

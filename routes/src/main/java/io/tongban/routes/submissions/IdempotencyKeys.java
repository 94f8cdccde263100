package io.tongban.routes.submissions;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency-Key as the IETF httpapi draft has it, per consumer: the first request with a key claims it (a row,
 * committed at once, so a concurrent retry sees it); a retry with the same body replays the first answer once there
 * is one, and is a 409 while there is not; the same key with another body is a 422. Keys expire after a published
 * period; an expired key is as if never used. A claim whose request never completed (its process died) lapses
 * after {@link #CLAIM_VALIDITY}, so that retries are not refused for the whole period.
 */
class IdempotencyKeys {

    /** The answer to replay. */
    record Replay(int status, String body) {
    }

    /** A key as held: the digest of the request that claimed it, its state, its answer once done, its expiry. */
    private record Held(String requestHash, String state, Replay answer, Instant expiresAt) {
    }

    static final Duration CLAIM_VALIDITY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Duration validity;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Duration validity, Clock clock) {
        this.jdbc = jdbc;
        this.validity = validity;
        this.clock = clock;
    }

    Duration validity() {
        return validity;
    }

    /** Claims the key for this request, or returns the answer to replay; refuses a key in flight or reused. */
    Optional<Replay> claim(String consumer, String key, String requestHash) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.update("INSERT INTO idempotency_key (consumer, idem_key, request_hash, state, expires_at)"
                        + " VALUES (?, ?, ?, 'IN_FLIGHT', ?)", consumer, key, requestHash,
                        Timestamp.from(now.plus(CLAIM_VALIDITY)));
                return Optional.empty();
            } catch (DuplicateKeyException used) {
                List<Held> rows = jdbc.query("SELECT request_hash, state, response_status, response_body, expires_at"
                                + " FROM idempotency_key WHERE consumer = ? AND idem_key = ?",
                        (row, n) -> new Held(row.getString(1), row.getString(2),
                                new Replay(row.getInt(3), row.getString(4)), row.getTimestamp(5).toInstant()),
                        consumer, key);
                if (rows.isEmpty()) {
                    continue; // released meanwhile
                }
                Held held = rows.get(0);
                if (!held.expiresAt().isAfter(now)) {
                    jdbc.update("DELETE FROM idempotency_key WHERE consumer = ? AND idem_key = ? AND expires_at <= ?",
                            consumer, key, Timestamp.from(now));
                    continue;
                }
                if (!held.requestHash().equals(requestHash)) {
                    throw new ApiProblem(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for another"
                            + " request body; use a new key for a new request");
                }
                if ("IN_FLIGHT".equals(held.state())) {
                    throw new ApiProblem(ErrorCode.IDEMPOTENCY_IN_FLIGHT, "The first request with this Idempotency-Key"
                            + " is still being processed; retry later");
                }
                return Optional.of(held.answer());
            }
        }
        throw new ApiProblem(ErrorCode.IDEMPOTENCY_IN_FLIGHT, "This Idempotency-Key is contended; retry later");
    }

    /** Records the answer; call inside the transaction that commits what the answer says. */
    void complete(String consumer, String key, int status, String body) {
        jdbc.update("UPDATE idempotency_key SET state = 'DONE', response_status = ?, response_body = ?, expires_at = ?"
                + " WHERE consumer = ? AND idem_key = ?", status, body, Timestamp.from(clock.instant().plus(validity)),
                consumer, key);
    }

    /** Frees the key of a request that was refused, so that nothing of it is kept. */
    void release(String consumer, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE consumer = ? AND idem_key = ? AND state = 'IN_FLIGHT'",
                consumer, key);
    }

    /** Forgets expired keys. */
    int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(clock.instant()));
    }
}

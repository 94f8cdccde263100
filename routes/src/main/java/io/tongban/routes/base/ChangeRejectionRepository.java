package io.tongban.routes.base;

import io.tongban.connectors.RejectedChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Change-feed items the base could not apply, kept so that the department can be told what to correct. */
@Repository
public class ChangeRejectionRepository {

    public record Rejection(long id, String source, String location, String code, String message, Instant receivedAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRejectionRepository.class);

    private final JdbcTemplate jdbc;

    public ChangeRejectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(RejectedChange rejected) {
        LOG.warn("Rejected a {} change at {}: {}", rejected.source(), rejected.location(), rejected.code());
        jdbc.update("INSERT INTO change_rejection (source, location, code, message, received_at) VALUES (?, ?, ?, ?, ?)",
                rejected.source(), rejected.location(), rejected.code(), truncate(rejected.message()),
                Timestamp.from(Instant.now()));
    }

    public List<Rejection> latest(int limit) {
        return jdbc.query("SELECT id, source, location, code, message, received_at FROM change_rejection"
                        + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (row, i) -> new Rejection(row.getLong("id"), row.getString("source"), row.getString("location"),
                        row.getString("code"), row.getString("message"), row.getTimestamp("received_at").toInstant()));
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}

package io.tongban.routes.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The grants, in the database: read on every decision, so that a change or an expiry counts at once. */
@Repository
public class GrantRepository {

    private static final String COLUMNS = "SELECT id, consumer, fields, purpose, legal_basis, valid_from, valid_until,"
            + " approved_by, created_at FROM access_grant";
    private final JdbcTemplate jdbc;

    public GrantRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Grant grant) {
        jdbc.update("INSERT INTO access_grant (id, consumer, fields, purpose, legal_basis, valid_from, valid_until,"
                        + " approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", grant.id(), grant.consumer(),
                String.join(",", grant.fields()), grant.purpose(), grant.legalBasis(), Timestamp.from(grant.validFrom()),
                Timestamp.from(grant.validUntil()), grant.approvedBy(), Timestamp.from(grant.createdAt()));
    }

    public List<Grant> ofConsumer(String consumer) {
        return jdbc.query(COLUMNS + " WHERE consumer = ?", GrantRepository::grant, consumer);
    }

    public List<Grant> all() {
        return jdbc.query(COLUMNS + " ORDER BY created_at DESC", GrantRepository::grant);
    }

    public Optional<Grant> find(String id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", GrantRepository::grant, id).stream().findFirst();
    }

    /** Ends a grant's validity now, unless it ended already; the grant itself stays on record. */
    public void revoke(String id, Instant now) {
        jdbc.update("UPDATE access_grant SET valid_until = ? WHERE id = ? AND valid_until > ?", Timestamp.from(now), id,
                Timestamp.from(now));
    }

    private static Grant grant(ResultSet row, int index) throws SQLException {
        return new Grant(row.getString("id"), row.getString("consumer"),
                Arrays.asList(row.getString("fields").split(",")), row.getString("purpose"),
                row.getString("legal_basis"), row.getTimestamp("valid_from").toInstant(),
                row.getTimestamp("valid_until").toInstant(), row.getString("approved_by"),
                row.getTimestamp("created_at").toInstant());
    }
}

package io.tongban.routes.base;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SourceRecordJson;
import io.tongban.mappings.SubjectType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared base's rows: one per subject and source, in H2 or PostgreSQL alike (plain SQL, no dialect).
 *
 * <p>Records are parsed from their stored text once and kept by that text ({@code bus.base.parsed-records} of them):
 * warm lookups read the same rows again and again, and parsing them was 4% of a warm lookup's CPU. A row that changes
 * has another text, so a kept record is never stale and nothing needs to forget it.
 */
@Repository
public class SourceRecordRepository {

    private static final String FOUND = "FOUND";
    private static final String NOT_FOUND = "NOT_FOUND";

    private final JdbcTemplate jdbc;
    private final Cache<String, SourceRecord> parsed;

    public SourceRecordRepository(JdbcTemplate jdbc, @Value("${bus.base.parsed-records}") int parsedRecords) {
        this.jdbc = jdbc;
        this.parsed = Caffeine.newBuilder().maximumSize(parsedRecords).build();
    }

    public List<StoredSource> find(SubjectType type, String subjectId) {
        return jdbc.query("SELECT source, status, retrieved_at, record_json FROM source_record"
                + " WHERE subject_type = ? AND subject_id = ?", this::toStored, type.name(), subjectId);
    }

    public void saveFound(SourceRecord record) {
        upsert(record.subjectType(), record.subjectId(), record.source(), FOUND, record.retrievedAt(), record.digest(),
                SourceRecordJson.toJson(record));
    }

    public void saveNotFound(SubjectType type, String subjectId, String source, Instant retrievedAt) {
        upsert(type, subjectId, source, NOT_FOUND, retrievedAt, null, null);
    }

    /**
     * Lays a change from a feed over the record the base holds, field by field: a change older than the held value
     * of a field never overwrites it (see {@link SourceRecord#withChange}); the held record keeps its retrieval time,
     * so that it is fetched again when its full copy is stale. A subject the base does not hold yet is left to the
     * read-through of its first lookup, which fetches the source's current state anyway.
     */
    @Transactional
    public ChangeOutcome applyChange(SourceRecord change) {
        Optional<SourceRecord> held = jdbc.query("SELECT source, status, retrieved_at, record_json FROM source_record"
                        + " WHERE subject_type = ? AND subject_id = ? AND source = ? AND status = ? FOR UPDATE",
                this::toStored, change.subjectType().name(), change.subjectId(), change.source(), FOUND)
                .stream().findFirst().map(StoredSource::record);
        if (held.isEmpty()) {
            return ChangeOutcome.NOT_HELD;
        }
        if (held.get().heldNewerThan(change).containsAll(change.fields().keySet())) {
            return ChangeOutcome.OLDER_THAN_HELD;
        }
        saveFound(held.get().withChange(change));
        return ChangeOutcome.APPLIED;
    }

    private void upsert(SubjectType type, String subjectId, String source, String status, Instant retrievedAt,
                        String digest, String json) {
        Object[] update = {status, Timestamp.from(retrievedAt), digest, json, type.name(), subjectId, source};
        String updateSql = "UPDATE source_record SET status = ?, retrieved_at = ?, digest = ?, record_json = ?"
                + " WHERE subject_type = ? AND subject_id = ? AND source = ?";
        if (jdbc.update(updateSql, update) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO source_record (subject_type, subject_id, source, status, retrieved_at, digest,"
                    + " record_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    type.name(), subjectId, source, status, Timestamp.from(retrievedAt), digest, json);
        } catch (DuplicateKeyException concurrentInsert) {
            jdbc.update(updateSql, update);
        }
    }

    private StoredSource toStored(ResultSet row, int index) throws SQLException {
        String json = row.getString("record_json");
        return new StoredSource(row.getString("source"), FOUND.equals(row.getString("status")),
                row.getTimestamp("retrieved_at").toInstant(), json == null ? null : parsed.get(json, SourceRecordJson::fromJson));
    }
}

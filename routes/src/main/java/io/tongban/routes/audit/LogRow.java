package io.tongban.routes.audit;

import io.tongban.security.transparency.CompactRange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row of {@code audit_entry} as the writer placed it: the entry's text and hashes at its index, and the copies of
 * its fields that searches use.
 */
record LogRow(long index, byte[] text, byte[] hashes, Instant recordedAt, String kind, String correlationId,
              String consumer, String department, String operation, byte[] subjectHash, String outcome,
              String purpose) {

    private static final String INSERT = "INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at, kind,"
            + " correlation_id, consumer, department, operation, subject_hash, outcome, purpose)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Object[] insertArguments() {
        return new Object[] {index, text, hashes, Timestamp.from(recordedAt), kind, correlationId, consumer, department,
                operation, subjectHash, outcome, purpose};
    }

    /** Inserts the rows and moves the head to the tree they end, inside the caller's transaction on the head row. */
    static void store(JdbcTemplate jdbc, List<LogRow> rows, CompactRange edge, byte[] lastLeaf) {
        jdbc.batchUpdate(INSERT, rows.stream().map(LogRow::insertArguments).toList());
        jdbc.update("UPDATE audit_head SET tree_size = ?, peaks = ?, last_leaf = ? WHERE id = 1",
                edge.size(), Peaks.join(edge.peaks()), lastLeaf);
    }
}

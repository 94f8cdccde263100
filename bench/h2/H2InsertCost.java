import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Random;
import java.util.UUID;

/**
 * What H2 itself allows the exchange log: durable (WRITE_DELAY=0) batches of log-shaped rows appended to a table
 * laid out like audit_entry, on one thread and nothing else running, each row of another subject (random keys), with
 * its subject index as the bus keeps it (by bucket of 4,096 entries, then the hash's first 8 bytes: {@code bucket}),
 * as it kept it before V13 (the hash's first 8 bytes, a generated BIGINT: {@code key}), before V11 (the whole 32-byte
 * hash: {@code hash}), or without one ({@code none}).
 *
 * <p>Usage: {@code java -cp h2.jar H2InsertCost.java <directory> <batch> <bucket|key|hash|none> <rows>}
 */
public class H2InsertCost {

    public static void main(String[] args) throws Exception {
        String directory = args[0];
        int batch = Integer.parseInt(args[1]);
        String subjectIndex = args[2];
        int rows = Integer.parseInt(args[3]);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + directory + "/log;WRITE_DELAY=0", "sa", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE audit_entry (idx BIGINT NOT NULL PRIMARY KEY, entry_json BYTEA NOT NULL,"
                        + " hashes BYTEA NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, kind VARCHAR(32) NOT NULL,"
                        + " correlation_id VARCHAR(64), consumer VARCHAR(128), department VARCHAR(64), operation VARCHAR(160),"
                        + " subject_hash BYTEA, outcome VARCHAR(16) NOT NULL, purpose VARCHAR(64), subject_key BIGINT"
                        + " GENERATED ALWAYS AS (CAST(SUBSTRING(subject_hash FROM 1 FOR 8) AS BIGINT)))");
                switch (subjectIndex) {
                    case "bucket" -> {
                        ddl.execute("ALTER TABLE audit_entry ADD COLUMN subject_bucket BIGINT GENERATED ALWAYS AS (idx / 4096)");
                        ddl.execute("CREATE INDEX audit_entry_subject ON audit_entry (subject_bucket, subject_key)");
                    }
                    case "key" -> ddl.execute("CREATE INDEX audit_entry_subject ON audit_entry (subject_key, idx)");
                    case "hash" -> ddl.execute("CREATE INDEX audit_entry_subject ON audit_entry (subject_hash, idx)");
                    case "none" -> { }
                    default -> throw new IllegalArgumentException("subject index: bucket, key, hash or none, not "
                            + subjectIndex);
                }
                ddl.execute("CREATE INDEX audit_entry_recorded ON audit_entry (recorded_at)");
            }
            db.setAutoCommit(false);
            PreparedStatement insert = db.prepareStatement("INSERT INTO audit_entry (idx, entry_json, hashes, recorded_at,"
                    + " kind, correlation_id, consumer, department, operation, subject_hash, outcome, purpose)"
                    + " VALUES (?, ?, ?, ?, 'api', ?, 'one-window-platform', NULL, 'GET /api/v1/persons/{idNumber}', ?,"
                    + " 'OK', 'residence-permit')");
            Random random = new Random(1);
            byte[] text = new byte[780];
            random.nextBytes(text);
            long start = System.nanoTime();
            for (long index = 0; index < rows; ) {
                for (int i = 0; i < batch; i++, index++) {
                    byte[] subject = new byte[32];
                    random.nextBytes(subject);
                    insert.setLong(1, index);
                    insert.setBytes(2, text);
                    insert.setBytes(3, new byte[32 * (1 + Long.numberOfTrailingZeros(index + 1))]);
                    insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.setBytes(6, subject);
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
            }
            System.out.printf("%,d rows in batches of %d, subject index on %s: %,.0f rows/s%n", rows, batch,
                    switch (subjectIndex) {
                        case "bucket" -> "the bucket of 4,096 entries, then the hash's first 8 bytes (the bus's)";
                        case "key" -> "the hash's first 8 bytes (before V13)";
                        case "hash" -> "the whole hash (before V11)";
                        default -> "nothing";
                    }, rows / ((System.nanoTime() - start) / 1e9));
        }
    }
}

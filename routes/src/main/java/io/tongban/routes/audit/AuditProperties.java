package io.tongban.routes.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the exchange log is kept ({@code bus.audit.*}).
 *
 * @param enabled             false only to measure what the log costs, and only under the {@code bench} profile
 * @param origin              the log's name in every checkpoint, e.g. {@code tongban-bus.shenzhen}
 * @param hashAlgorithm       SHA-256 (default) or SM3; fixed for the life of a log
 * @param signatureAlgorithm  sm2 (default) or ecdsa: the family of the log key that signs checkpoints
 * @param signer              the signing identity of the log
 * @param subjectKeyFile      the HMAC key that turns identifiers into searchable hashes; created (demo) when absent
 * @param maxBatch            at most this many entries go into one transaction (about: an exchange's entries stay together)
 * @param journalDirectory    where appends are journaled on the embedded H2 file database (unused on any other)
 * @param applyInterval       how long journaled entries gather before they go into the tables
 * @param applyBatch          at most this many journaled entries go into the tables in one transaction
 * @param appendTimeout       how long an exchange waits for its entry to be durable before it is refused
 * @param checkpointInterval  how often a checkpoint is signed while entries arrive
 * @param timestampInterval   a checkpoint is timestamped when the last timestamped one is older than this
 */
@ConfigurationProperties("bus.audit")
public record AuditProperties(boolean enabled, String origin, String hashAlgorithm, String signatureAlgorithm,
                              String signer, String subjectKeyFile, int maxBatch, String journalDirectory,
                              Duration applyInterval, int applyBatch, Duration appendTimeout,
                              Duration checkpointInterval, Duration timestampInterval) {
}

package io.tongban.routes.licences;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The licence table: a licence is written once; only its status moves, from VALID to REVOKED, once. */
@Repository
class LicenceRepository {

    static final String LOCAL = "local";
    private static final String COLUMNS = "id, licence_type, region, issued_by, submission_id, document_json,"
            + " signature, issued_on, valid_until, status, revoked_at, revocation_reason, stored_at";

    private final JdbcTemplate jdbc;

    LicenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredLicence licence, String typeCode, String holderHash, String issuerCreditCode) {
        jdbc.update("INSERT INTO licence (" + COLUMNS + ", type_code, holder_hash, issuer_credit_code)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                licence.identifier(), licence.licenceType(), licence.region(), licence.issuedBy(), licence.submission(),
                licence.documentJson(), licence.signature(), Date.valueOf(licence.issuedOn()),
                licence.validUntil() == null ? null : Date.valueOf(licence.validUntil()), licence.status(), null, null,
                Timestamp.from(licence.storedAt()), typeCode, holderHash, issuerCreditCode);
    }

    Optional<StoredLicence> find(String identifier) {
        return jdbc.query("SELECT " + COLUMNS + " FROM licence WHERE id = ?", LicenceRepository::read, identifier)
                .stream().findFirst();
    }

    /** A holder's licences, newest first. */
    List<StoredLicence> ofHolder(String holderHash) {
        return jdbc.query("SELECT " + COLUMNS + " FROM licence WHERE holder_hash = ? ORDER BY issued_on DESC, id",
                LicenceRepository::read, holderHash);
    }

    /** A holder's licences of a type that are neither revoked nor past their last day, newest first. */
    List<StoredLicence> inForce(String holderHash, String typeCode, LocalDate today) {
        return jdbc.query("SELECT " + COLUMNS + " FROM licence WHERE holder_hash = ? AND type_code = ?"
                        + " AND status = 'VALID' AND (valid_until IS NULL OR valid_until >= ?)"
                        + " ORDER BY issued_on DESC, id FETCH FIRST 10 ROWS ONLY",
                LicenceRepository::read, holderHash, typeCode, Date.valueOf(today));
    }

    /** The licences a submission's approval issued. */
    List<StoredLicence> issuedFor(String submission) {
        return jdbc.query("SELECT " + COLUMNS + " FROM licence WHERE submission_id = ? ORDER BY id",
                LicenceRepository::read, submission);
    }

    /** @return whether this revoked it (false: it was revoked already) */
    boolean revoke(String identifier, String reason, Instant at) {
        return jdbc.update("UPDATE licence SET status = 'REVOKED', revoked_at = ?, revocation_reason = ?"
                + " WHERE id = ? AND status = 'VALID'", Timestamp.from(at), reason, identifier) == 1;
    }

    private static StoredLicence read(ResultSet row, int n) throws SQLException {
        Date validUntil = row.getDate("valid_until");
        Timestamp revokedAt = row.getTimestamp("revoked_at");
        return new StoredLicence(row.getString("id"), row.getString("licence_type"), row.getString("region"),
                row.getString("issued_by"), row.getString("submission_id"), row.getString("document_json"),
                row.getBytes("signature"), row.getDate("issued_on").toLocalDate(),
                validUntil == null ? null : validUntil.toLocalDate(), row.getString("status"),
                revokedAt == null ? null : revokedAt.toInstant(), row.getString("revocation_reason"),
                row.getTimestamp("stored_at").toInstant());
    }
}

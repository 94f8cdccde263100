package io.tongban.routes.materials;

import io.tongban.mappings.SubjectType;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The materials table: one row per accepted file, written once, never updated. */
@Repository
class MaterialRepository {

    private final JdbcTemplate jdbc;

    MaterialRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Material material, String holderHash, String fileKind, byte[] content, byte[] signature) {
        jdbc.update("INSERT INTO material (id, holder_type, holder_hash, type, file_kind, media_type, size, sha256,"
                        + " content, signature, signer, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                material.id(), material.holderType().name(), holderHash, material.type(), fileKind, material.mediaType(),
                material.size(), material.digest().substring("sha256:".length()), content, signature, material.signer(),
                material.acceptedBy(), Timestamp.from(material.acceptedAt()));
    }

    /** A stored file with its signature and the window that accepted it. */
    record Signed(String id, byte[] content, byte[] signature, String acceptedBy) {
    }

    /** A holder's materials of a type, newest first, with their files and signatures (at most ten). */
    List<Signed> signedOf(String holderHash, String type) {
        return jdbc.query("SELECT id, content, signature, accepted_by FROM material WHERE holder_hash = ? AND type = ?"
                        + " ORDER BY accepted_at DESC FETCH FIRST 10 ROWS ONLY",
                (row, n) -> new Signed(row.getString("id"), row.getBytes("content"), row.getBytes("signature"),
                        row.getString("accepted_by")),
                holderHash, type);
    }

    /** The material with this id if it belongs to the holder with this hash; a stranger learns nothing. */
    Optional<Material> find(String id, String holderHash) {
        return jdbc.query("SELECT id, type, holder_type, media_type, size, sha256, signature, signer, accepted_by,"
                        + " accepted_at FROM material WHERE id = ? AND holder_hash = ?",
                (row, n) -> new Material(row.getString("id"), row.getString("type"),
                        SubjectType.valueOf(row.getString("holder_type")), row.getString("media_type"),
                        row.getLong("size"), "sha256:" + row.getString("sha256"),
                        Base64.getEncoder().encodeToString(row.getBytes("signature")), row.getString("signer"),
                        row.getString("accepted_by"), row.getTimestamp("accepted_at").toInstant()),
                id, holderHash).stream().findFirst();
    }
}

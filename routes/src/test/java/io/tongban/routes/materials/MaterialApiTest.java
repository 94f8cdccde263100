package io.tongban.routes.materials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Materials over HTTP: accepted, signed and stored for their holder; every bad upload refused, nothing stored. */
class MaterialApiTest extends SandboxedBusTest {

    private static final String PERSON = "440305198304261274";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("A PDF proof of domicile is stored with its digest and a window signature that verifies; only its holder finds it")
    void acceptedSignedAndKeptForItsHolder() throws Exception {
        Answer accepted = uploadMaterial(Role.PLATFORM, "domicile-proof", PERSON, "application/pdf", PDF);

        assertThat(accepted.status()).isEqualTo(201);
        JsonNode material = accepted.body();
        assertThat(material.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(material.path("digest").asText())
                .isEqualTo("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        Answer verification = postJson("/api/v1/signatures/verify", "{\"document\":\""
                + Base64.getEncoder().encodeToString(PDF) + "\",\"signature\":\"" + material.path("signature").asText() + "\"}");
        assertThat(verification.body().path("verdict").asText()).isEqualTo("VALID");
        assertThat(verification.body().path("signer").toString()).contains("platform");

        String id = material.path("id").asText();
        assertThat(get("/api/v1/materials/" + id + "?holder=" + PERSON).body().path("digest").asText())
                .isEqualTo(material.path("digest").asText());
        Answer stranger = get("/api/v1/materials/" + id + "?holder=440605199302163559");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body().path("code").asText()).isEqualTo("material.not_found");
    }

    @Test
    @DisplayName("Wrong kind, unknown content, unknown type, an invalid holder, an empty or oversized file, another role: each refused, nothing stored")
    void refusals() {
        long before = count();
        byte[] oversized = new byte[9 * 1024 * 1024];
        System.arraycopy(PDF, 0, oversized, 0, PDF.length);

        assertRefused(uploadMaterial(Role.PLATFORM, "articles-of-association", PERSON, "application/pdf", PNG), 415,
                "material.kind_not_accepted"); // the header said PDF; the bytes are a PNG
        assertRefused(uploadMaterial(Role.PLATFORM, "domicile-proof", PERSON, "application/pdf",
                "not a document".getBytes(StandardCharsets.UTF_8)), 415, "material.unrecognised_content");
        assertRefused(uploadMaterial(Role.PLATFORM, "fishing-permit", PERSON, "application/pdf", PDF), 400, "material.unknown_type");
        assertRefused(uploadMaterial(Role.PLATFORM, "domicile-proof", "440305198304261275", "application/pdf", PDF), 400,
                "mapping.invalid_identifier");
        assertRefused(uploadMaterial(Role.PLATFORM, "domicile-proof", PERSON, "application/pdf", new byte[0]), 400, "material.empty");
        assertRefused(uploadMaterial(Role.PLATFORM, "domicile-proof", PERSON, "application/pdf", oversized), 413,
                "api.payload_too_large");
        assertRefused(uploadMaterial(Role.DEPARTMENT, "domicile-proof", PERSON, "application/pdf", PDF), 403, "access.forbidden");
        assertThat(count()).isEqualTo(before);
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(code).isEqualTo(status);
        assertThat(answer.contentType()).as(code).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo(code);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM material", Long.class);
    }

}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.Person;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every exchange through the bus leaves an entry in the exchange log, provable against a signed checkpoint. */
class ExchangeLogTest extends SandboxedBusTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("A person lookup leaves one API entry and one per department asked, sharing a correlation id, with no clear identifier")
    void lookupIsLogged() throws Exception {
        Person person = SeedSubjects.personInEverySource();

        HttpResponse<String> response = HTTP.send(request(("/api/v1/persons/" + person.identityNumber()))
                .setHeader("Tongban-Purpose", "residence-permit").header("Tongban-Case", "CASE-1").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        String correlationId = response.headers().firstValue("Tongban-Correlation-Id").orElseThrow();
        long index = Long.parseLong(response.headers().firstValue("Tongban-Log-Index").orElseThrow());
        JsonNode api = get("/api/v1/audit/entries/" + index).body().path("entry");
        assertThat(api.path("kind").asText()).isEqualTo("api");
        assertThat(api.path("operation").asText()).isEqualTo("GET /api/v1/persons/{idNumber}");
        assertThat(api.path("outcome").asText()).isEqualTo("OK");
        assertThat(api.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(api.path("purpose").asText()).isEqualTo("residence-permit");
        assertThat(api.path("caseReference").asText()).isEqualTo("CASE-1");
        assertThat(api.path("subject").path("masked").asText())
                .isEqualTo(person.identityNumber().substring(0, 4) + "**********" + person.identityNumber().substring(14));
        assertThat(api.path("fieldsReturned")).isNotEmpty();
        assertThat(api.path("responseDigest").asText()).startsWith("sha256:");
        assertThat(api.path("requestDigest").asText()).startsWith("hmac-sha256:");

        List<String> rows = jdbc.queryForList("SELECT entry_json FROM audit_entry WHERE correlation_id = ? ORDER BY idx",
                byte[].class, correlationId).stream().map(text -> new String(text, StandardCharsets.UTF_8)).toList();
        assertThat(rows).hasSize(4); // the API call, then public security, social security and tax
        List<String> departments = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            JsonNode call = JSON.readTree(row);
            assertThat(call.path("kind").asText()).isEqualTo("department-call");
            assertThat(call.path("outcome").asText()).isEqualTo("OK");
            assertThat(call.path("purpose").asText()).isEqualTo("residence-permit");
            assertThat(call.path("responseDigest").asText()).startsWith("sha256:");
            departments.add(call.path("department").asText());
        }
        assertThat(departments).containsExactlyInAnyOrder("public-security", "social-security", "tax");
        assertThat(rows).noneMatch(row -> row.contains(person.identityNumber()) || row.contains(person.name()));
    }

    @Test
    @DisplayName("A refused request is logged too: an invalid identity number is a REFUSED entry with its error code")
    void refusalIsLogged() throws Exception {
        HttpResponse<String> response = HTTP.send(request(("/api/v1/persons/440305198304261275"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        long index = Long.parseLong(response.headers().firstValue("Tongban-Log-Index").orElseThrow());
        JsonNode entry = get("/api/v1/audit/entries/" + index).body().path("entry");
        assertThat(entry.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(entry.path("errorCode").asText()).isEqualTo("mapping.invalid_identifier");
        assertThat(entry.path("httpStatus").asInt()).isEqualTo(400);
    }

    @Test
    @DisplayName("Within a second or two a signed checkpoint covers an entry, and its inclusion proof verifies against the checkpoint root")
    void entryIsProvable() throws Exception {
        HttpResponse<String> lookup = HTTP.send(
                request("/api/v1/persons/" + SeedSubjects.personInEverySource().identityNumber()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).isEqualTo(200);
        long index = Long.parseLong(lookup.headers().firstValue("Tongban-Log-Index").orElseThrow());

        JsonNode checkpoint = awaitCheckpointCovering(index);
        long size = checkpoint.path("size").asLong();
        assertThat(checkpoint.path("hashAlgorithm").asText()).isEqualTo("SHA-256");
        assertThat(checkpoint.path("signedText").asText()).contains("\n" + size + "\n");

        JsonNode proof = get("/api/v1/audit/proofs/inclusion?index=" + index + "&size=" + size).body();
        JsonNode entry = get("/api/v1/audit/entries/" + index).body();
        byte[] leaf = MerkleHash.SHA_256.leaf(JsonCanonicalizer.canonicalize(entry.path("entry").toString()));
        assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(entry.path("leafHash").asText());
        assertThat(MerkleProofs.verifyInclusion(MerkleHash.SHA_256, index, size, leaf, hashes(proof.path("proof")),
                Base64.getDecoder().decode(checkpoint.path("rootHash").asText()))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(MerkleHash.SHA_256, index, size, leaf, hashes(proof.path("proof")),
                MerkleHash.SHA_256.emptyRoot())).isFalse();
    }

    @Test
    @DisplayName("Two checkpoints in a row are consistent: the consistency proof between them verifies")
    void checkpointsAreConsistent() throws Exception {
        get("/api/v1/persons/440305198304261275");
        JsonNode first = awaitCheckpointCovering(maxIndex());
        get("/api/v1/persons/440305198304261275");
        JsonNode second = awaitCheckpointCovering(maxIndex());
        long from = first.path("size").asLong();
        long to = second.path("size").asLong();

        JsonNode proof = get("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + to).body();

        assertThat(MerkleProofs.verifyConsistency(MerkleHash.SHA_256, from, to, hashes(proof.path("proof")),
                Base64.getDecoder().decode(first.path("rootHash").asText()),
                Base64.getDecoder().decode(second.path("rootHash").asText()))).isTrue();
    }

    @Test
    @DisplayName("Bad proof requests are problems: an index beyond the tree, from after to, a non-number")
    void badProofRequests() {
        assertThat(get("/api/v1/audit/proofs/inclusion?index=999999999&size=1").body().path("code").asText())
                .isEqualTo("api.invalid_request");
        assertThat(get("/api/v1/audit/proofs/consistency?from=5&to=2").status()).isEqualTo(400);
        assertThat(get("/api/v1/audit/proofs/inclusion?index=abc").status()).isEqualTo(400);
        assertThat(get("/api/v1/audit/entries/999999999").body().path("code").asText()).isEqualTo("audit.entry_not_found");
    }

    private long maxIndex() {
        return jdbc.queryForObject("SELECT MAX(idx) FROM audit_entry", Long.class);
    }

    private JsonNode awaitCheckpointCovering(long index) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Answer checkpoint = get("/api/v1/audit/checkpoint");
            if (checkpoint.status() == 200 && checkpoint.body().path("size").asLong() > index) {
                return checkpoint.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint covered entry " + index + " within 10 s");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.Person;
import io.tongban.security.pki.PkiFiles;
import io.tongban.security.transparency.LogBundleVerifier;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Auditors search and export the log; a person sees who accessed their data; anyone verifies a bundle offline. */
class ExchangeLogSearchTest extends SandboxedBusTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @DisplayName("Search by a person's clear identity number finds their exchanges, newest first, paged by index")
    void searchBySubject() {
        Person person = SeedSubjects.personInEverySource();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/persons/" + person.identityNumber()).status()).isEqualTo(200);
        }

        JsonNode first = get("/api/v1/audit/entries?subjectType=PERSON&kind=api&limit=2&subject=" + person.identityNumber()).body();
        assertThat(first.path("entries")).hasSize(2);
        long newest = first.path("entries").get(0).path("index").asLong();
        assertThat(first.path("entries").get(1).path("index").asLong()).isLessThan(newest);
        JsonNode second = get("/api/v1/audit/entries?subjectType=PERSON&kind=api&limit=2&subject=" + person.identityNumber()
                + "&before=" + first.path("next").asText()).body();
        assertThat(second.path("entries")).hasSize(1);
        assertThat(second.has("next")).isFalse();
        JsonNode calls = get("/api/v1/audit/entries?subjectType=PERSON&department=public-security&subject="
                + person.identityNumber()).body();
        assertThat(calls.path("entries")).isNotEmpty();
        calls.path("entries").forEach(e -> assertThat(e.path("entry").path("kind").asText()).isEqualTo("department-call"));
    }

    @Test
    @DisplayName("An invalid identifier in a search is a 400, and an auditor's search is itself on record")
    void searchIsValidatedAndLogged() throws Exception {
        assertThat(get("/api/v1/audit/entries?subjectType=PERSON&subject=440305198304261275").body().path("code").asText())
                .isEqualTo("mapping.invalid_identifier");
        assertThat(get("/api/v1/audit/entries?subject=440305198304261274").status()).isEqualTo(400);

        HttpResponse<String> search = HTTP.send(request(("/api/v1/audit/entries?outcome=REFUSED")).build(),
                HttpResponse.BodyHandlers.ofString());
        long index = Long.parseLong(search.headers().firstValue("Tongban-Log-Index").orElseThrow());
        assertThat(get("/api/v1/audit/entries/" + index).body().path("entry").path("operation").asText())
                .isEqualTo("GET /api/v1/audit/entries");
    }

    @Test
    @DisplayName("Exports stream every match as NDJSON and as CSV, with masked subjects only")
    void exports() throws Exception {
        Person person = SeedSubjects.personInEverySource();
        get("/api/v1/persons/" + person.identityNumber());

        HttpResponse<String> ndjson = HTTP.send(request(("/api/v1/audit/export?format=ndjson&subjectType=PERSON&subject="
                + person.identityNumber())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ndjson.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSize(4); // the API call and three department calls
        assertThat(JSON.readTree(lines.get(0)).path("entry").path("subject").path("masked").asText()).contains("****");

        HttpResponse<String> csv = HTTP.send(request(("/api/v1/audit/export?format=csv&subjectType=PERSON&subject="
                + person.identityNumber())).build(), HttpResponse.BodyHandlers.ofString());
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("index,time,kind,");
        assertThat(rows).hasSize(5);
        assertThat(csv.body()).doesNotContain(person.identityNumber());
        assertThat(get("/api/v1/audit/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A person's access report lists who asked for their data and why, each access with a proof that verifies")
    void accessReport() throws Exception {
        Person person = SeedSubjects.personInEverySource();
        HTTP.send(request(("/api/v1/persons/" + person.identityNumber()))
                .setHeader("Tongban-Purpose", "insurance-registration").header("Tongban-Case", "SB-2026-0001").build(),
                HttpResponse.BodyHandlers.discarding());
        JsonNode checkpoint = awaitCheckpointCoveringAll();

        JsonNode report = get("/api/v1/access-reports/persons/" + person.identityNumber()).body();

        assertThat(report.path("subject").path("masked").asText()).endsWith(person.identityNumber().substring(14));
        assertThat(report.toString()).doesNotContain(person.identityNumber());
        List<String> departments = new ArrayList<>();
        long size = report.path("checkpoint").path("size").asLong();
        byte[] root = Base64.getDecoder().decode(report.path("checkpoint").path("rootHash").asText());
        for (JsonNode access : report.path("accesses")) {
            assertThat(access.path("purpose").asText()).isEqualTo("insurance-registration");
            assertThat(access.path("caseReference").asText()).isEqualTo("SB-2026-0001");
            departments.add(access.path("department").asText(""));
            byte[] leaf = Base64.getDecoder().decode(get("/api/v1/audit/entries/" + access.path("index").asLong())
                    .body().path("leafHash").asText());
            List<byte[]> proof = new ArrayList<>();
            access.path("inclusionProof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
            assertThat(MerkleProofs.verifyInclusion(MerkleHash.SHA_256, access.path("index").asLong(), size, leaf, proof, root))
                    .isTrue();
        }
        assertThat(departments).contains("public-security", "social-security", "tax");
        assertThat(checkpoint.path("size").asLong()).isGreaterThanOrEqualTo(size);
    }

    @Test
    @DisplayName("The exported bundle verifies offline against the trust anchors the bus publishes, and a changed byte is named")
    void bundleVerifiesOffline() throws Exception {
        get("/api/v1/persons/440305198304261275");
        awaitCheckpointCoveringAll();
        byte[] bundle = HTTP.send(request(("/api/v1/audit/bundle")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Path anchors = Files.createTempFile("anchors", ".pem");
        Files.write(anchors, HTTP.send(anonymousRequest("/api/v1/trust-anchors").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        LogBundleVerifier verifier = new LogBundleVerifier(PkiFiles.readCertificates(anchors), "exchange-log",
                Clock.systemUTC());

        LogBundleVerifier.Result intact = verifier.verify(new ByteArrayInputStream(bundle));
        assertThat(intact.verification().valid()).as(intact.verification().toString()).isTrue();

        String text = new String(bundle, StandardCharsets.UTF_8);
        String target = text.lines().filter(line -> line.contains("\"outcome\":\"REFUSED\"")).findFirst().orElseThrow();
        long index = JSON.readTree(target).path("index").asLong();
        InputStream tampered = new ByteArrayInputStream(text.replace(target, target.replace("\"REFUSED\"", "\"OK\""))
                .getBytes(StandardCharsets.UTF_8));
        LogBundleVerifier.Result broken = verifier.verify(tampered);
        assertThat(broken.verification().valid()).isFalse();
        assertThat(broken.verification().firstBadIndex()).isEqualTo(index);
    }

    private JsonNode awaitCheckpointCoveringAll() throws InterruptedException {
        long wanted = get("/api/v1/audit/entries?limit=1").body().path("entries").get(0).path("index").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Answer checkpoint = get("/api/v1/audit/checkpoint");
            if (checkpoint.status() == 200 && checkpoint.body().path("size").asLong() > wanted) {
                return checkpoint.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint covered entry " + wanted + " within 10 s");
    }
}

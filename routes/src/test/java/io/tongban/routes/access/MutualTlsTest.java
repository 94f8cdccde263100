package io.tongban.routes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.SeedSubjects;
import io.tongban.routes.TestSandbox;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.PkiFiles;
import io.tongban.security.revocation.RevocationReason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Department systems over the mutual-TLS listener, with the demo client certificates the bus wrote under its demo
 * directory: a registered department reads as itself, in the DEPARTMENT role; a certificate of another CA, or none,
 * never finishes the handshake; an unregistered or revoked certificate of the bus PKI is a 401 that says which.
 */
class MutualTlsTest extends SandboxedBusTest {

    private static final Path DEMO = TestSandbox.dataDir().resolve("demo");
    private final String person = SeedSubjects.personInEverySource().identityNumber();

    @Autowired
    private DepartmentTlsListener listener;
    @Autowired
    private BusPki pki;
    @Autowired
    private SignatureService signatures;

    @Test
    @DisplayName("A sandbox department's demo certificate reads a person as that department, logged under its name")
    void registeredDepartmentReadsAsItself() throws Exception {
        HttpClient client = client(readKey(DEMO.resolve("public-security.key")),
                PkiFiles.readCertificates(DEMO.resolve("public-security.crt")));

        JsonNode answer = JSON.readTree(send(client, "/api/v1/persons/" + person).body());
        HttpResponse<String> log = send(client, "/api/v1/audit/entries?limit=1");

        assertThat(answer.path("fields").path("name").isMissingNode()).isFalse();
        assertThat(answer.path("withheld").findValuesAsText("reason")).contains("NO_GRANT"); // no grant for this consumer
        assertThat(log.statusCode()).isEqualTo(403); // a department never reads the log
        JsonNode entries = get("/api/v1/audit/entries?consumer=public-security&limit=5").body().path("entries");
        assertThat(entries.findValuesAsText("operation")).contains("GET /api/v1/persons/{idNumber}");
    }

    @Test
    @DisplayName("A client certificate from another CA, or no certificate at all, is refused in the TLS handshake")
    void otherCaOrNoneRefusedInHandshake(@TempDir Path elsewhere) throws Exception {
        CertificateAuthority other = CertificateAuthority.create(SignatureAlgorithm.ECDSA_P256_SHA256, elsewhere,
                "x".toCharArray(), Clock.systemUTC());
        CertifiedKey impostor = other.issueTls("client-public-security", subject("public-security"));
        HttpClient withImpostor = client(impostor.privateKey(), impostor.chain().subList(0, 2));
        HttpClient withNone = client(null, List.of());
        HttpClient genuine = client(readKey(DEMO.resolve("tax.key")), PkiFiles.readCertificates(DEMO.resolve("tax.crt")));

        assertThat(send(genuine, "/api/v1/persons/" + person).statusCode()).isEqualTo(200); // the same way works
        assertThatThrownBy(() -> send(withImpostor, "/api/v1/persons/" + person)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> send(withNone, "/api/v1/persons/" + person)).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("A certificate of the bus PKI for an unregistered system is a 401 access.unregistered_client")
    void unregisteredIsRefused() throws Exception {
        CertifiedKey unlisted = ecdsaCa().issueTls("client-unlisted-system", subject("unlisted-system"));

        HttpResponse<String> answer = send(client(unlisted.privateKey(), unlisted.chain().subList(0, 2)),
                "/api/v1/persons/" + person);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("access.unregistered_client");
    }

    @Test
    @DisplayName("A registered system's revoked certificate is a 401 access.certificate_revoked from the moment the CRL says so")
    void revokedIsRefused() throws Exception {
        CertifiedKey certified = ecdsaCa().issueTls("client-revoked-system", subject("revoked-system"));
        HttpClient client = client(certified.privateKey(), certified.chain().subList(0, 2));
        int before = send(client, "/api/v1/persons/" + person).statusCode();

        signatures.revoke(SignatureAlgorithm.ECDSA_P256_SHA256, certified.chain().get(0).getSerialNumber(),
                RevocationReason.KEY_COMPROMISE, Instant.now().minusSeconds(1));
        HttpResponse<String> after = send(client(certified.privateKey(), certified.chain().subList(0, 2)),
                "/api/v1/persons/" + person);

        assertThat(before).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).path("code").asText()).isEqualTo("access.certificate_revoked");
    }

    private CertificateAuthority ecdsaCa() {
        return pki.authority(SignatureAlgorithm.ECDSA_P256_SHA256).orElseThrow();
    }

    private HttpResponse<String> send(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + listener.localPort() + path))
                .header("Tongban-Purpose", "residence-permit").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts the bus PKI's root, presenting the given certificate chain (none if the key is null). */
    private static HttpClient client(PrivateKey key, List<X509Certificate> chain) throws Exception {
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        if (key != null) {
            own.setKeyEntry("client", key, "x".toCharArray(), chain.toArray(X509Certificate[]::new));
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, "x".toCharArray());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("bus", PkiFiles.readCertificates(DEMO.resolve("ca.crt")).get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static PrivateKey readKey(Path file) throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(PemKeys.der(Files.readString(file))));
    }

    private static X500Name subject(String commonName) {
        return new X500Name("C=CN, O=Tongban Bus test, CN=" + commonName);
    }
}

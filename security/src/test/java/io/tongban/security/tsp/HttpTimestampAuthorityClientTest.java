package io.tongban.security.tsp;

import com.sun.net.httpserver.HttpServer;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.TestPki;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.Department;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RFC 3161 HTTP client against a real HTTP TSA on a local port, serving the bus's own TSA. */
class HttpTimestampAuthorityClientTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startTsa() throws Exception {
        LocalTimestampAuthority tsa = new LocalTimestampAuthority(SignatureAlgorithm.ECDSA_P256_SHA256,
                TestPki.identity(Department.TSA, SignatureAlgorithm.ECDSA_P256_SHA256), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            boolean wellFormed = "POST".equals(exchange.getRequestMethod()) && "application/timestamp-query"
                    .equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = wellFormed ? tsa.respond(exchange.getRequestBody().readAllBytes()) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(wellFormed ? 200 : 415, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopTsa() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    @DisplayName("the client obtains a token over HTTP whose imprint is the requested digest")
    void clientObtainsToken() throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest("data".getBytes(StandardCharsets.UTF_8));

        TimeStampToken token = new HttpTimestampAuthorityClient(url("/tsa"), Duration.ofSeconds(5))
                .timestamp(TSPAlgorithms.SHA256, imprint);

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(LocalTimestampAuthority.POLICY);
        assertThat(requests).hasValue(1);
    }

    @Test
    @DisplayName("signatures timestamped by an external TSA URL verify, the time taken from its token")
    void signatureWithExternalTsaVerifies() {
        SignatureService service = new SignatureService(TestPki.shared(),
                SignatureSettings.defaults().withExternalTsa(url("/tsa")), Clock.systemUTC());
        byte[] document = "发票申领".getBytes(StandardCharsets.UTF_8);

        VerificationReport report = service.verify(document,
                service.sign("tax", SignatureAlgorithm.ECDSA_P256_SHA256, document));

        assertThat(report.isValid()).as(report.reason()).isTrue();
        assertThat(report.timestampTime()).isNotNull();
        assertThat(requests).hasValue(1);
    }

    @Test
    @DisplayName("a TSA answering HTTP 503 fails signing with security.timestamp_unavailable")
    void unavailableTsaFails() {
        var client = new HttpTimestampAuthorityClient(url("/broken"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.timestamp(TSPAlgorithms.SHA256, new byte[32]))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageContaining("security.timestamp_unavailable")
                .hasMessageContaining("503");
    }

    @Test
    @DisplayName("the local TSA answers a malformed request with a rejection, not an exception")
    void malformedRequestIsRejected() throws Exception {
        LocalTimestampAuthority tsa = new LocalTimestampAuthority(SignatureAlgorithm.SM2_SM3,
                TestPki.identity(Department.TSA, SignatureAlgorithm.SM2_SM3), Clock.systemUTC());

        var response = new org.bouncycastle.tsp.TimeStampResponse(tsa.respond(new byte[]{0x30, 0x03, 1, 2, 3}));

        assertThat(response.getStatus()).isEqualTo(2);
        assertThat(response.getTimeStampToken()).isNull();
    }
}

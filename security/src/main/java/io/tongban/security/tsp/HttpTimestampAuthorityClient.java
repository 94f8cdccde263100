package io.tongban.security.tsp;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/** RFC 3161 over HTTP (section 3.4): POST application/timestamp-query to an external TSA. */
public final class HttpTimestampAuthorityClient implements TimestampAuthority {
    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public HttpTimestampAuthorityClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public TimeStampToken timestamp(ASN1ObjectIdentifier imprintAlgorithm, byte[] imprint) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(imprintAlgorithm, imprint, new BigInteger(64, random));
        try {
            HttpRequest post = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            HttpResponse<byte[]> answer = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw unavailable("HTTP status " + answer.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request); // nonce, imprint and policy must echo our request
            if (response.getTimeStampToken() == null) {
                throw unavailable("refused: " + response.getStatusString(), null);
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException e) {
            throw unavailable(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
    }

    private SecurityServiceException unavailable(String detail, Exception cause) {
        return new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE, "TSA " + url + ": " + detail, cause);
    }
}

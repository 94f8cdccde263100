package io.tongban.connectors;

import io.tongban.mappings.RecordDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.StreamCache;

/**
 * The digest of a department's answer, "sha256:&lt;hex&gt;" over the bytes the department sent, taken before they are
 * parsed so that an exchange-log entry can be checked against the department's own records. A connector takes it
 * right after the call and hands {@link #of(Exchange)} to the mapping, which puts it in every value's provenance.
 */
public final class ResponseDigest {

    /** The exchange property holding the digest of the department's answer to the call just made. */
    public static final String PROPERTY = "TongbanResponseDigest";

    private ResponseDigest() {
    }

    /**
     * Digests an HTTP answer's body as camel-http leaves it, without copying it: a byte array for a small answer of
     * known length, else a stream cache of the bytes received, read once more into the digest and reset, so that the
     * body can still be unmarshalled. (camel-http has already undone any gzip content encoding.)
     */
    public static void ofHttpBody(Exchange exchange) throws InvalidPayloadException, IOException {
        if (exchange.getMessage().getBody() instanceof byte[] bytes) {
            exchange.setProperty(PROPERTY, RecordDigest.of(bytes));
            return;
        }
        StreamCache body = exchange.getMessage().getMandatoryBody(StreamCache.class);
        MessageDigest sha256 = RecordDigest.sha256();
        body.writeTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        body.reset();
        exchange.setProperty(PROPERTY, RecordDigest.of(sha256));
    }

    /** Digests a JMS text message as its text's UTF-8 bytes. */
    public static void ofText(Exchange exchange) throws InvalidPayloadException {
        String text = exchange.getMessage().getMandatoryBody(String.class);
        exchange.setProperty(PROPERTY, RecordDigest.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @throws IllegalStateException when no digest was taken in this exchange (a connector that maps before
     *                               digesting), rather than a record that cannot be vouched for
     */
    public static String of(Exchange exchange) {
        String digest = exchange.getProperty(PROPERTY, String.class);
        if (digest == null) {
            throw new IllegalStateException("no response digest taken in this exchange");
        }
        return digest;
    }
}

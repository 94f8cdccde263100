package io.tongban.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The digest of a department's answer, taken from the body before it is parsed")
class ResponseDigestTest {

    private static final byte[] ANSWER = "{\"TYSHXYDM\":\"91440300MA5FTE8T0X\",\"QYMC\":\"深圳市通办科技有限公司\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    @DisplayName("a small HTTP answer, which camel-http leaves as a byte array, is digested as it is")
    void byteArrayBody() throws Exception {
        exchange.getMessage().setBody(ANSWER);

        ResponseDigest.ofHttpBody(exchange);

        assertThat(ResponseDigest.of(exchange)).isEqualTo(Sha256.of(ANSWER));
        assertThat(exchange.getMessage().getBody()).isSameAs(ANSWER);
    }

    @Test
    @DisplayName("a larger HTTP answer, which camel-http leaves as a stream cache, is digested and can still be read in full")
    void streamCacheBody() throws Exception {
        byte[] large = new String(ANSWER, StandardCharsets.UTF_8).repeat(500).getBytes(StandardCharsets.UTF_8);
        try (CachedOutputStream cached = new CachedOutputStream(exchange, false)) {
            cached.write(large);
            exchange.getMessage().setBody(cached.getWrappedInputStream());

            ResponseDigest.ofHttpBody(exchange);

            assertThat(ResponseDigest.of(exchange)).isEqualTo(Sha256.of(large));
            assertThat(exchange.getMessage().getBody(StreamCache.class)).isNotNull();
            assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(large);
        }
    }

    @Test
    @DisplayName("a JMS text is digested as its UTF-8 bytes")
    void textBody() throws Exception {
        exchange.getMessage().setBody(new String(ANSWER, StandardCharsets.UTF_8));

        ResponseDigest.ofText(exchange);

        assertThat(ResponseDigest.of(exchange)).isEqualTo(Sha256.of(ANSWER));
    }

    @Test
    @DisplayName("asking for the digest of an exchange that took none fails rather than leaving a record unvouched")
    void noDigestTaken() {
        assertThatThrownBy(() -> ResponseDigest.of(exchange)).isInstanceOf(IllegalStateException.class);
    }
}

package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDigestTest {
    private static final byte[] ROW = "91440300MA5FTE8T0X,住所,旧址,新址𠮷,2025-06-01".getBytes(Charset.forName("GB18030"));

    @Test
    @DisplayName("the digest is sha256: and the lower-case hex SHA-256 of the department's bytes as they are")
    void digestOfBytes() throws Exception {
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ROW));

        assertThat(RecordDigest.of(ROW)).isEqualTo(expected).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    @DisplayName("a digest fed while the bytes stream past equals the digest of the whole")
    void streamedDigestEqualsWhole() throws Exception {
        MessageDigest sha256 = RecordDigest.sha256();
        try (InputStream in = new DigestInputStream(new ByteArrayInputStream(ROW), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }

        assertThat(RecordDigest.of(sha256)).isEqualTo(RecordDigest.of(ROW));
    }

    @Test
    @DisplayName("a digest of another algorithm is refused rather than labelled sha256")
    void otherAlgorithmRefused() throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");

        assertThatThrownBy(() -> RecordDigest.of(sha1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tongban.security.transparency;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed text of a checkpoint: written one way, read back strictly. */
class CheckpointTest {
    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final String TEXT = """
            tongban-bus.shenzhen/exchange-log
            8
            XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
            SHA-256
            2026-03-01T08:15:30.123Z
            """;

    @Test
    @DisplayName("the signed text is origin, size, base64 root, hash name and instant, each on a line, and reads back")
    void signedTextRoundTrips() {
        Checkpoint checkpoint = new Checkpoint("tongban-bus.shenzhen/exchange-log", 8, ROOT, MerkleHash.SHA_256,
                Instant.parse("2026-03-01T08:15:30.123456Z"));

        assertThat(checkpoint.signedText()).isEqualTo(TEXT);
        assertThat(Checkpoint.parse(TEXT)).isEqualTo(checkpoint);
        assertThat(checkpoint.time()).as("kept to the millisecond").isEqualTo(Instant.parse("2026-03-01T08:15:30.123Z"));
        assertThat(Checkpoint.parse(new Checkpoint("日志", 0, MerkleHash.SM3.emptyRoot(), MerkleHash.SM3,
                Instant.parse("2026-03-01T08:00:00Z")).signedText()).origin()).isEqualTo("日志");
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {
            "no final line feed|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z",
            "a sixth line|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\nx\n",
            "leading zero|tongban\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "negative size|tongban\n-8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "size beyond a long|tongban\n9223372036854775808\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "base64 without padding|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "root of 31 bytes|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "unknown hash|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nsha256\n2026-03-01T08:15:30.123Z\n",
            "time with an offset|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T16:15:30.123+08:00\n",
            "microseconds|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123456Z\n",
            "trailing zero millis|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.000Z\n",
            "empty origin|\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "carriage return|tongban\r\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\n2026-03-01T08:15:30.123Z\n",
            "not a time|tongban\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nSHA-256\nyesterday\n"})
    void malformedTextIsRefused(String testCase) {
        String text = testCase.substring(testCase.indexOf('|') + 1);

        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a checkpoint refuses a root of the wrong length, a negative size and an origin of two lines")
    void constructorChecksItsFields() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31], MerkleHash.SHA_256, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT, MerkleHash.SHA_256, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o\n9", 1, ROOT, MerkleHash.SHA_256, now))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tongban.security.cli;

import io.tongban.security.TestPki;
import io.tongban.security.pki.PkiFiles;
import io.tongban.security.transparency.TestLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify-log}: an exported exchange log checked offline against the relying party's anchors file. */
class VerifyLogCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new SecurityCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC()).run(args);
    }

    @Test
    @DisplayName("a bundle verifies with exit code 0; edited, it fails with exit code 1 and names the entry")
    void verifiesAndNamesTheTamperedEntry() throws Exception {
        Path anchors = dir.resolve("anchors.pem");
        Files.writeString(anchors, PkiFiles.toPem(TestPki.shared().trustStore().anchors().toArray()));
        String bundle = new String(TestLog.of(12, 4).bundle(), StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("log.ndjson"), bundle);
        String[] lines = bundle.split("\n");
        lines[1 + 3 + 3 + 6] = lines[1 + 3 + 3 + 6].replace("\"outcome\":\"answered\"", "\"outcome\":\"refused\"");
        Path tampered = Files.writeString(dir.resolve("tampered.ndjson"), String.join("\n", lines) + "\n");

        int valid = run("verify-log", "--bundle", good.toString(), "--anchors", anchors.toString());
        String validOutput = out.toString(StandardCharsets.UTF_8);
        int invalid = run("verify-log", "--bundle", tampered.toString(), "--anchors", anchors.toString());
        String invalidOutput = out.toString(StandardCharsets.UTF_8);

        assertThat(valid).as(validOutput + err).isZero();
        assertThat(validOutput).contains("verdict:              VALID").contains("entries verified:     12")
                .contains("checkpoints verified: 3");
        assertThat(invalid).as(invalidOutput + err).isEqualTo(1);
        assertThat(invalidOutput).contains("verdict:              INVALID").contains("log.entry_changed")
                .contains("first bad index:      6");
    }

    @Test
    @DisplayName("verify-log without its files is a usage error, exit code 2")
    void missingArgumentsExitWithTwo() {
        assertThat(run("verify-log", "--bundle", dir.resolve("log.ndjson").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --anchors");
        assertThat(run("verify-log", "--bundle", dir.resolve("none.ndjson").toString(),
                "--anchors", dir.resolve("none.pem").toString())).isEqualTo(2);
    }
}

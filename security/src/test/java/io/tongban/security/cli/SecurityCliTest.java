package io.tongban.security.cli;

import io.tongban.security.pki.CreditCode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end on a fresh demo PKI: init, issue, sign, verify, revoke, crl. */
class SecurityCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new SecurityCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("TONGBAN_PKI_PASSWORD", "cli-test"), Clock.systemUTC()).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a department issued on the command line signs a JSON record that verifies, until it is revoked")
    void issueSignVerifyRevoke() throws Exception {
        String data = dir.toString();
        assertThat(run("init", "--data-dir", data)).isZero();
        assertThat(run("issue", "--data-dir", data, "--alg", "ecdsa", "--name", "housing", "--org", "深圳市住房和建设局",
                "--unit", "住房保障", "--credit-code", CreditCode.complete("11440300MB0000078"))).as(err.toString()).isZero();
        Matcher serial = Pattern.compile("serial ([0-9a-f]+)").matcher(out());
        assertThat(serial.find()).isTrue();
        Files.writeString(dir.resolve("licence.json"), "{\"zzbh\": \"A1\", \"yxq\": 2.0}");
        Files.writeString(dir.resolve("reserialised.json"), "{\n  \"yxq\": 2,\n  \"zzbh\": \"A1\"\n}");

        assertThat(run("sign", "--data-dir", data, "--signer", "housing", "--alg", "ecdsa", "--json",
                "--in", dir.resolve("licence.json").toString(), "--out", dir.resolve("licence.p7s").toString()))
                .as(err.toString()).isZero();
        int verified = run("verify", "--data-dir", data, "--json", "--in", dir.resolve("reserialised.json").toString(),
                "--sig", dir.resolve("licence.p7s").toString());
        assertThat(out()).contains("VALID").contains("11440300MB0000078");
        assertThat(verified).isZero();

        assertThat(run("revoke", "--data-dir", data, "--alg", "ecdsa", "--serial", serial.group(1),
                "--reason", "keyCompromise", "--time", "2020-01-01T00:00:00Z")).as(err.toString()).isZero();
        int afterRevocation = run("verify", "--data-dir", data, "--json", "--in", dir.resolve("licence.json").toString(),
                "--sig", dir.resolve("licence.p7s").toString());
        assertThat(out()).contains("security.certificate_revoked");
        assertThat(afterRevocation).isEqualTo(1);

        assertThat(run("crl", "--data-dir", data, "--alg", "ecdsa")).isZero();
        assertThat(out()).startsWith("-----BEGIN X509 CRL-----");
    }

    @Test
    @DisplayName("a tampered file fails verification with exit code 1 and the reason code")
    void tamperedFileFails() throws Exception {
        String data = dir.toString();
        run("init", "--data-dir", data);
        Files.writeString(dir.resolve("doc.txt"), "章程");
        run("sign", "--data-dir", data, "--signer", "platform", "--gmt0010", "--in", dir.resolve("doc.txt").toString(),
                "--out", dir.resolve("doc.p7s").toString());
        Files.writeString(dir.resolve("doc.txt"), "章程（修改）");

        int exit = run("verify", "--data-dir", data, "--in", dir.resolve("doc.txt").toString(),
                "--sig", dir.resolve("doc.p7s").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("security.digest_mismatch").contains("GMT_0010");
    }

    @Test
    @DisplayName("bad usage and unknown signers exit with code 2 and say why")
    void badUsageExitsWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command");
        run("init", "--data-dir", dir.toString());
        assertThat(run("sign", "--data-dir", dir.toString(), "--signer", "nobody", "--in", "x", "--out", "y"))
                .isEqualTo(2);
        assertThat(run("issue", "--data-dir", dir.toString(), "--name", "x1", "--org", "o", "--unit", "u",
                "--credit-code", "11440300MB00000780")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("security.invalid_credit_code");
    }
}

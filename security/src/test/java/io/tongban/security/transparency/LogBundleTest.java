package io.tongban.security.transparency;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.TestPki;
import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.CmsSigner;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.pki.Department;
import io.tongban.security.transparency.TestLog.Row;
import io.tongban.security.transparency.VerificationResult.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Export, read back, verify offline with the relying party's own anchors. */
class LogBundleTest {
    private static TestLog log;
    private static byte[] bundle;
    private final List<X509Certificate> anchors = TestPki.shared().trustStore().anchors();

    @BeforeAll
    static void export() throws IOException {
        log = TestLog.of(20, 4);
        bundle = log.bundle();
    }

    private LogBundleVerifier.Result verify(byte[] bytes) throws IOException {
        return new LogBundleVerifier(anchors, Department.EXCHANGE_LOG, TestLog.CLOCK)
                .verify(new ByteArrayInputStream(bytes));
    }

    private static String text() {
        return new String(bundle, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("an exported bundle reads back and verifies: header, checkpoints, consistency proofs, entries verbatim")
    void roundTrip() throws IOException {
        LogBundleVerifier.Result result = verify(bundle);

        assertThat(result.verification().valid()).as(result.verification().detail()).isTrue();
        assertThat(result.origin()).isEqualTo(TestLog.ORIGIN);
        assertThat(result.hash()).isEqualTo(MerkleHash.SHA_256);
        assertThat(result.verification().entriesVerified()).isEqualTo(20);
        assertThat(result.verification().checkpointsVerified()).isEqualTo(5);
        List<String> lines = text().lines().toList();
        assertThat(lines).hasSize(1 + 5 + 5 + 20);
        assertThat(lines.get(0)).startsWith("{\"type\":\"header\",\"format\":\"tongban-exchange-log/1\"");
        assertThat(lines.get(30)).endsWith(",\"entry\":" + new String(log.rows.get(19).text(), StandardCharsets.UTF_8) + "}");
    }

    @Test
    @DisplayName("an entry edited inside the bundle: CHANGED with its index")
    void tamperedEntry() throws IOException {
        List<String> lines = new ArrayList<>(text().lines().toList());
        int line = 1 + 5 + 5 + 5;
        lines.set(line, lines.get(line).replace("\"outcome\":\"answered\"", "\"outcome\":\"refused\""));

        VerificationResult result = verify(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).verification();

        assertThat(result.problem()).isEqualTo(Problem.CHANGED);
        assertThat(result.firstBadIndex()).isEqualTo(5);
    }

    @Test
    @DisplayName("a row that is no JSON is exported byte for byte as entryBase64 and reported as MALFORMED_ENTRY")
    void nonJsonRowIsExportedAndNamed() throws IOException {
        List<Row> rows = new ArrayList<>(log.rows);
        rows.set(3, new Row(3, "{\"index\":3,\n".getBytes(StandardCharsets.UTF_8), null));

        byte[] exported = log.bundle(TestLog.restored(rows, log.hash));
        VerificationResult result = verify(exported).verification();

        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("\"index\":3,\"leafHash\":\"")
                .contains("\"entryBase64\":\"eyJpbmRleCI6MywK\"");
        assertThat(result.problem()).isEqualTo(Problem.MALFORMED_ENTRY);
        assertThat(result.firstBadIndex()).isEqualTo(3);
    }

    @Test
    @DisplayName("a bundle signed by another PKI's 'exchange-log' fails, though its header offers that PKI's root")
    void foreignBundleFails(@TempDir Path foreignDir) throws IOException {
        CertificateAuthority foreign = CertificateAuthority.create(SignatureAlgorithm.SM2_SM3, foreignDir,
                TestPki.PASSWORD, TestLog.CLOCK);
        CertifiedKey impostor = foreign.issue(new Department(Department.EXCHANGE_LOG, "某机构", "日志",
                CreditCode.complete("11440300MB0000089")));
        CmsSigner signer = new CmsSigner(SignatureAlgorithm.SM2_SM3, impostor, null, CmsProfile.PKCS7);
        CompactRange tree = new CompactRange(log.hash);
        log.leafHashes().forEach(tree::append);
        Checkpoint head = new Checkpoint(TestLog.ORIGIN, 20, tree.root(), log.hash, TestLog.CLOCK.instant());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogBundleWriter writer = new LogBundleWriter(out)) {
            writer.header(TestLog.ORIGIN, log.hash, List.of(impostor.certificate(), foreign.issuingCertificate(),
                    foreign.rootCertificate()), List.of(foreign.currentCrl()));
            writer.checkpoint(new SignedCheckpoint(head, signer.sign(head.signedText().getBytes(StandardCharsets.UTF_8)),
                    null));
            for (Row row : log.rows) {
                writer.entry(row.index(), null, row.text());
            }
        }

        VerificationResult result = verify(out.toByteArray()).verification();

        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(result.detail()).contains("security.untrusted_signer");
    }

    @Test
    @DisplayName("a broken line, an empty file or another format: MALFORMED_BUNDLE, at the entry due where it broke")
    void malformedBundle() throws IOException {
        List<String> lines = new ArrayList<>(text().lines().toList());
        lines.set(1 + 5 + 5 + 7, "{\"type\":\"entry\",\"index\":7,");
        VerificationResult broken = verify(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).verification();
        VerificationResult empty = verify(new byte[0]).verification();
        VerificationResult otherFormat = verify(text().replaceFirst("tongban-exchange-log/1", "other/2")
                .getBytes(StandardCharsets.UTF_8)).verification();
        VerificationResult notUtf8 = verify(new byte[]{(byte) 0xFF, '\n'}).verification();

        assertThat(broken.problem()).isEqualTo(Problem.MALFORMED_BUNDLE);
        assertThat(broken.firstBadIndex()).isEqualTo(7);
        assertThat(broken.detail()).startsWith("line 19: ");
        assertThat(empty.problem()).isEqualTo(Problem.MALFORMED_BUNDLE);
        assertThat(otherFormat.detail()).contains("other/2");
        assertThat(notUtf8.problem()).isEqualTo(Problem.MALFORMED_BUNDLE);
    }

    @Test
    @DisplayName("a bundle with each checkpoint just before the entry at its size verifies too (constant memory)")
    void interleavedBundleVerifies() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogBundleWriter writer = new LogBundleWriter(out)) {
            writer.header(TestLog.ORIGIN, log.hash, TestLog.signatures().issuingCertificates(),
                    TestLog.signatures().currentCrls());
            int next = 0;
            for (SignedCheckpoint signed : log.checkpoints) {
                writer.checkpoint(signed);
                for (; next < signed.checkpoint().size(); next++) {
                    Row row = log.rows.get(next);
                    writer.entry(row.index(), StoredHashes.node(row.hashes(), 0, 32), row.text());
                }
            }
        }

        VerificationResult result = new LogBundleVerifier(anchors, Department.EXCHANGE_LOG, TestLog.CLOCK)
                .verify(new StringReader(out.toString(StandardCharsets.UTF_8))).verification();

        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(result.checkpointsVerified()).isEqualTo(5);
    }
}

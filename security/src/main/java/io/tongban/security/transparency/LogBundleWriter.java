package io.tongban.security.transparency;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.pki.PkiFiles;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an exported exchange log as NDJSON, one JSON object per line, as the rows come, so that an
 * export of any size streams:
 * <pre>
 * {"type":"header","format":"tongban-exchange-log/1","origin":"...","hashAlgorithm":"SHA-256","logCertificates":["PEM",...],"crls":["base64 DER",...]}
 * {"type":"checkpoint","signedText":"...","signature":"base64","timestampToken":"base64"|null}
 * {"type":"consistency","from":N,"to":M,"proof":["base64",...]}
 * {"type":"entry","index":N,"leafHash":"base64"|null,"entry":{the entry's stored text, verbatim}}
 * </pre>
 * The header comes first. Then either all checkpoints and the consistency proofs between consecutive
 * ones, then the entries; or the same interleaved, each checkpoint before the entry at index its size
 * (which lets the reader keep constant memory). An entry whose stored text is not a one-line JSON object
 * (a tampered row) is written as {@code "entryBase64":"..."} instead, byte for byte, so that the
 * verifier can still name it. The header's certificates and CRLs help the reader check revocation;
 * they are never trusted: the reader brings its own trust anchors. Not thread-safe.
 */
public final class LogBundleWriter implements Flushable, Closeable {
    public static final String FORMAT = "tongban-exchange-log/1";

    private final Writer out;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean headerWritten;

    public LogBundleWriter(Writer out) {
        this.out = out;
    }

    /** UTF-8 to a stream, buffered. */
    public LogBundleWriter(OutputStream out) {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /**
     * @param logCertificates the log's signing certificates and their issuing CA certificates
     * @param crls            the current CRLs of those CAs
     */
    public void header(String origin, MerkleHash hash, List<X509Certificate> logCertificates, List<X509CRL> crls)
            throws IOException {
        if (headerWritten) {
            throw new IllegalStateException("the header is written once, first");
        }
        headerWritten = true;
        line("{\"type\":\"header\",\"format\":" + JsonCanonicalizer.quote(FORMAT)
                + ",\"origin\":" + JsonCanonicalizer.quote(origin)
                + ",\"hashAlgorithm\":" + JsonCanonicalizer.quote(hash.algorithmName())
                + ",\"logCertificates\":[" + logCertificates.stream()
                .map(certificate -> JsonCanonicalizer.quote(PkiFiles.toPem(certificate)))
                .collect(Collectors.joining(","))
                + "],\"crls\":[" + crls.stream().map(crl -> quoteBase64(encoded(crl))).collect(Collectors.joining(","))
                + "]}");
    }

    public void checkpoint(SignedCheckpoint signed) throws IOException {
        requireHeader();
        line("{\"type\":\"checkpoint\",\"signedText\":" + JsonCanonicalizer.quote(signed.checkpoint().signedText())
                + ",\"signature\":" + quoteBase64(signed.signature())
                + ",\"timestampToken\":" + (signed.timestamped() ? quoteBase64(signed.timestampToken()) : "null") + "}");
    }

    public void consistency(long from, long to, List<byte[]> proof) throws IOException {
        requireHeader();
        line("{\"type\":\"consistency\",\"from\":" + from + ",\"to\":" + to + ",\"proof\":["
                + proof.stream().map(LogBundleWriter::quoteBase64).collect(Collectors.joining(",")) + "]}");
    }

    /**
     * @param leafHash  the leaf hash stored with the entry, null if none
     * @param entryText the entry's stored text (RFC 8785 canonical JSON, UTF-8), written verbatim
     */
    public void entry(long index, byte[] leafHash, byte[] entryText) throws IOException {
        requireHeader();
        String prefix = "{\"type\":\"entry\",\"index\":" + index + ",\"leafHash\":"
                + (leafHash == null ? "null" : quoteBase64(leafHash));
        String text = oneLineObject(entryText);
        line(text != null ? prefix + ",\"entry\":" + text + "}"
                : prefix + ",\"entryBase64\":" + quoteBase64(entryText) + "}");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The text if it is UTF-8 of one JSON object on one line, else null. */
    private String oneLineObject(byte[] entryText) {
        try {
            String text = utf8.decode(ByteBuffer.wrap(entryText)).toString();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return null;
            }
            JsonCanonicalizer.members(text, Set.of());
            return text;
        } catch (CharacterCodingException | SecurityServiceException e) {
            return null;
        }
    }

    private void line(String json) throws IOException {
        out.write(json);
        out.write('\n');
    }

    private void requireHeader() {
        if (!headerWritten) {
            throw new IllegalStateException("write the header first");
        }
    }

    private static String quoteBase64(byte[] bytes) {
        return "\"" + Base64.getEncoder().encodeToString(bytes) + "\"";
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalArgumentException("cannot encode a CRL", e);
        }
    }
}

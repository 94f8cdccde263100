package io.tongban.security.transparency;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.pki.PkiFiles;
import io.tongban.security.pki.TrustStore;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.transparency.VerificationResult.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies an exported bundle ({@link LogBundleWriter}) offline, with the relying party's own trust
 * anchors (the PEM the bus serves at GET /api/v1/trust-anchors), never with anything the bundle
 * claims: its certificates only help build chains, its CRLs count only if a CA under those anchors
 * signed them. Runs {@link LogVerifier} over the bundle's checkpoints, consistency proofs and entries,
 * streaming. Thread-safe (each call verifies on its own).
 */
public final class LogBundleVerifier {
    private static final Pattern NATURAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final List<X509Certificate> trustAnchors;
    private final String logSignerName;
    private final Clock clock;

    /**
     * @param logSignerName the common name of the log's signing certificate
     *                      ({@link io.tongban.security.pki.Department#EXCHANGE_LOG} in the demo PKI)
     */
    public LogBundleVerifier(List<X509Certificate> trustAnchors, String logSignerName, Clock clock) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.logSignerName = logSignerName;
        this.clock = clock;
    }

    /**
     * What a bundle says of itself and what verification found.
     *
     * @param origin the log's origin from the header (null if unreadable); its checkpoints must all name it
     */
    public record Result(String origin, MerkleHash hash, VerificationResult verification) {
    }

    /** Reads a UTF-8 bundle; malformed UTF-8 makes it a malformed bundle. */
    public Result verify(InputStream bundle) throws IOException {
        return verify(new InputStreamReader(bundle, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    public Result verify(Reader bundle) throws IOException {
        BufferedReader lines = new BufferedReader(bundle);
        Header header;
        try {
            header = Header.read(lines.readLine());
        } catch (CharacterCodingException e) {
            return malformed("line 1 is not UTF-8");
        } catch (IllegalArgumentException | SecurityServiceException e) {
            return malformed("line 1: " + e.getMessage());
        }
        LogVerifier verifier = new LogVerifier(header.hash(), header.origin(), checkpointVerifier(header));
        long lineNumber = 1;
        boolean inEntries = false;
        try {
            for (String line = lines.readLine(); line != null && !verifier.decided(); line = lines.readLine()) {
                lineNumber++;
                Map<String, String> members = JsonCanonicalizer.members(line);
                String type = text(members, "type");
                inEntries |= type.equals("entry");
                switch (type) {
                    case "checkpoint" -> verifier.checkpoint(checkpoint(members, header.hash()));
                    case "consistency" -> verifier.consistencyProof(number(members, "from"), number(members, "to"),
                            hashes(members, "proof"));
                    case "entry" -> entry(members, verifier);
                    default -> throw new IllegalArgumentException("unknown line type '" + type + "'");
                }
            }
        } catch (CharacterCodingException e) {
            return new Result(header.origin(), header.hash(), verifier.abort(Problem.MALFORMED_BUNDLE,
                    inEntries ? verifier.size() : null, "line " + (lineNumber + 1) + " is not UTF-8"));
        } catch (IllegalArgumentException | IllegalStateException | SecurityServiceException e) {
            return new Result(header.origin(), header.hash(), verifier.abort(Problem.MALFORMED_BUNDLE,
                    inEntries ? verifier.size() : null, "line " + lineNumber + ": " + e.getMessage()));
        }
        return new Result(header.origin(), header.hash(), verifier.finish());
    }

    /**
     * Trust from the relying party's anchors; the bundle's CA certificates as chain candidates, checked
     * up to those anchors; its CRLs where their issuer chains to them (the CRL's signature is checked too).
     */
    private CheckpointVerifier checkpointVerifier(Header header) {
        List<X509Certificate> candidates = header.certificates().stream()
                .filter(certificate -> certificate.getBasicConstraints() >= 0).toList();
        TrustStore trustStore = new TrustStore(trustAnchors, candidates);
        RevocationChecker revocation = new RevocationChecker(clock);
        List<X509Certificate> issuers = new ArrayList<>(trustAnchors);
        issuers.addAll(candidates);
        for (X509CRL crl : header.crls()) {
            issuers.stream()
                    .filter(issuer -> issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                    .filter(issuer -> trustStore.chainOf(issuer, List.of()).isPresent())
                    .findFirst()
                    .ifPresent(issuer -> publishIfSigned(revocation, crl, issuer));
        }
        return new CheckpointVerifier(trustStore, revocation, logSignerName, clock);
    }

    private static void publishIfSigned(RevocationChecker revocation, X509CRL crl, X509Certificate issuer) {
        try {
            revocation.publish(crl, issuer);
        } catch (SecurityServiceException e) {
            // not its issuer's signature: revocation stays unknown, and the checkpoints say so
        }
    }

    private static SignedCheckpoint checkpoint(Map<String, String> members, MerkleHash hash) {
        Checkpoint checkpoint = Checkpoint.parse(text(members, "signedText"));
        String token = members.get("timestampToken");
        return new SignedCheckpoint(checkpoint, base64(text(members, "signature")),
                token == null || token.equals("null") ? null : base64(JsonCanonicalizer.stringValue(token)));
    }

    private static void entry(Map<String, String> members, LogVerifier verifier) {
        long index = number(members, "index");
        String leafHash = members.get("leafHash");
        byte[] storedLeaf = leafHash == null || leafHash.equals("null") ? null
                : base64(JsonCanonicalizer.stringValue(leafHash));
        String entry = members.get("entry");
        byte[] text = entry != null ? entry.getBytes(StandardCharsets.UTF_8) : base64(text(members, "entryBase64"));
        verifier.entryWithLeafHash(index, text, storedLeaf);
    }

    private static List<byte[]> hashes(Map<String, String> members, String name) {
        String array = members.get(name);
        if (array == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return JsonCanonicalizer.elements(array).stream().map(JsonCanonicalizer::stringValue)
                .map(LogBundleVerifier::base64).toList();
    }

    private static String text(Map<String, String> members, String name) {
        String value = members.get(name);
        if (value == null || !value.startsWith("\"")) {
            throw new IllegalArgumentException("\"" + name + "\" is missing or not a string");
        }
        return JsonCanonicalizer.stringValue(value);
    }

    private static long number(Map<String, String> members, String name) {
        String value = members.get(name);
        if (value == null || !NATURAL_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing or not a non-negative integer");
        }
        return Long.parseLong(value);
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static Result malformed(String detail) {
        return new Result(null, null, new VerificationResult(false, 0, 0, 0, null, Problem.MALFORMED_BUNDLE, detail,
                0, null, null));
    }

    /** The first line: format, origin, tree hash, and the certificates and CRLs offered. */
    private record Header(String origin, MerkleHash hash, List<X509Certificate> certificates, List<X509CRL> crls) {
        static Header read(String line) {
            if (line == null) {
                throw new IllegalArgumentException("the bundle is empty");
            }
            Map<String, String> members = JsonCanonicalizer.members(line);
            if (!"header".equals(text(members, "type"))) {
                throw new IllegalArgumentException("the first line is not the header");
            }
            String format = text(members, "format");
            if (!format.equals(LogBundleWriter.FORMAT)) {
                throw new IllegalArgumentException("format '" + format + "' is not " + LogBundleWriter.FORMAT);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (String pem : strings(members, "logCertificates")) {
                certificates.addAll(PkiFiles.parseCertificates(pem.getBytes(StandardCharsets.US_ASCII)));
            }
            List<X509CRL> crls = strings(members, "crls").stream().map(LogBundleVerifier::base64)
                    .map(PkiFiles::parseCrl).toList();
            return new Header(text(members, "origin"), MerkleHash.fromName(text(members, "hashAlgorithm")),
                    certificates, crls);
        }

        private static List<String> strings(Map<String, String> members, String name) {
            String array = members.get(name);
            return array == null ? List.of()
                    : JsonCanonicalizer.elements(array).stream().map(JsonCanonicalizer::stringValue).toList();
        }
    }
}

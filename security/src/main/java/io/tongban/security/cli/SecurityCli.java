package io.tongban.security.cli;

import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.VerificationPolicy;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.DemoPki;
import io.tongban.security.pki.Department;
import io.tongban.security.pki.PkiFiles;
import io.tongban.security.revocation.RevocationReason;
import io.tongban.security.transparency.LogBundleVerifier;
import io.tongban.security.transparency.VerificationResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point: create the demo PKI, sign and verify files, issue and revoke
 * department certificates, print trust anchors and CRLs, verify an exported exchange log. Exit code
 * 0 on success, 1 when a signature or the log is invalid, 2 on bad usage or errors. The keystore password comes from
 * {@code --password} or the environment variable {@code TONGBAN_PKI_PASSWORD}.
 */
public final class SecurityCli {
    static final String USAGE = """
            usage: SecurityCli <command> --data-dir DIR [options]
              init                                   create the demo PKI in DIR/pki (both families)
              sign    --signer NAME --in FILE --out SIG [--alg sm2|ecdsa] [--json] [--gmt0010]
              verify  --in FILE --sig SIG [--json] [--no-timestamp]
              issue   --alg sm2|ecdsa --name NAME --org ORG --unit UNIT --credit-code CODE
              revoke  --alg sm2|ecdsa --serial HEX [--reason keyCompromise] [--time ISO-8601]
              crl     --alg sm2|ecdsa                 print the current CRL (PEM)
              anchors                                print the trust anchors (PEM)
            options: --password PW (else env TONGBAN_PKI_PASSWORD)
            usage: SecurityCli verify-log --bundle FILE --anchors PEM [--signer CN]
              verify an exported exchange log offline with your own trust anchors (no DIR, no password);
              CN: the common name of the log's certificate (default exchange-log)""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;

    SecurityCli(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new SecurityCli(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            Options options = Options.parse(args);
            return switch (args[0]) {
                case "init" -> init(options);
                case "sign" -> sign(options);
                case "verify" -> verify(options);
                case "issue" -> issue(options);
                case "revoke" -> revoke(options);
                case "crl" -> crl(options);
                case "anchors" -> anchors(options);
                case "verify-log" -> verifyLog(options);
                default -> usage("unknown command " + args[0]);
            };
        } catch (SecurityServiceException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            err.println("security.io_error: " + e.getMessage());
            return 2;
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }

    private int init(Options options) {
        DemoPki.loadOrCreate(options.dataDir(), password(options), clock);
        out.println("demo PKI ready in " + options.dataDir().resolve("pki"));
        return 0;
    }

    private int sign(Options options) throws IOException {
        SignatureSettings settings = SignatureSettings.defaults()
                .withSm2Profile(options.has("gmt0010") ? CmsProfile.GMT_0010 : CmsProfile.PKCS7);
        SignatureService service = new SignatureService(load(options), settings, clock);
        byte[] document = Files.readAllBytes(options.path("in"));
        if (options.has("json")) {
            document = JsonCanonicalizer.canonicalize(document);
        }
        byte[] signature = service.sign(options.required("signer"), options.algorithm(), document);
        Files.write(options.path("out"), signature);
        out.println("signed " + options.path("in") + " as " + options.required("signer") + " ("
                + options.algorithm().id() + "), " + signature.length + " bytes -> " + options.path("out"));
        return 0;
    }

    private int verify(Options options) throws IOException {
        VerificationPolicy policy = options.has("no-timestamp")
                ? VerificationPolicy.strict().withoutTimestampRequirement() : VerificationPolicy.strict();
        SignatureService service = new SignatureService(load(options), SignatureSettings.defaults().withPolicy(policy),
                clock);
        byte[] document = Files.readAllBytes(options.path("in"));
        if (options.has("json")) {
            document = JsonCanonicalizer.canonicalize(document);
        }
        VerificationReport report = service.verify(document, Files.readAllBytes(options.path("sig")));
        ReportPrinter.print(report, out);
        return report.isValid() ? 0 : 1;
    }

    private int issue(Options options) {
        CertificateAuthority ca = authority(options);
        Department department = new Department(options.required("name"), options.required("org"),
                options.required("unit"), options.required("credit-code"));
        CertifiedKey issued = ca.issue(department);
        out.println("issued " + department.name() + " serial " + issued.certificate().getSerialNumber().toString(16)
                + " valid until " + issued.certificate().getNotAfter().toInstant()
                + " -> " + ca.directory().resolve(department.name() + ".p12"));
        return 0;
    }

    private int revoke(Options options) {
        CertificateAuthority ca = authority(options);
        Instant time = options.has("time") ? Instant.parse(options.required("time")) : clock.instant();
        RevocationReason reason = RevocationReason.fromName(options.value("reason", "unspecified"));
        X509CRL crl = ca.revoke(new BigInteger(options.required("serial"), 16), reason, time);
        out.println("revoked serial " + options.required("serial") + " from " + time + " (" + reason.rfcName()
                + "); CRL of " + crl.getThisUpdate().toInstant() + " -> " + ca.directory().resolve("issuing.crl"));
        return 0;
    }

    private int crl(Options options) {
        out.print(PkiFiles.toPem(authority(options).currentCrl()));
        return 0;
    }

    private int anchors(Options options) {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            out.print(PkiFiles.toPem(CertificateAuthority.open(caDirectory(options, algorithm), password(options), clock)
                    .rootCertificate()));
        }
        return 0;
    }

    /** Needs no PKI directory nor password: only the bundle and the relying party's own anchors. */
    private int verifyLog(Options options) throws IOException {
        LogBundleVerifier verifier = new LogBundleVerifier(PkiFiles.readCertificates(options.path("anchors")),
                options.value("signer", Department.EXCHANGE_LOG), clock);
        LogBundleVerifier.Result result;
        try (InputStream bundle = Files.newInputStream(options.path("bundle"))) {
            result = verifier.verify(bundle);
        }
        VerificationResult verification = result.verification();
        line("verdict", verification.valid() ? "VALID" : "INVALID");
        if (!verification.valid()) {
            line("problem", verification.problem().code() + " - " + verification.detail());
            line("first bad index", verification.firstBadIndex());
            line("last bad index", verification.lastBadIndex());
            line("at checkpoint", verification.checkpointSize());
        }
        line("origin", result.origin());
        line("hash", result.hash() == null ? null : result.hash().algorithmName());
        line("entries verified", verification.entriesVerified());
        line("checkpoints verified", verification.checkpointsVerified());
        line("signed tree size", verification.treeSize());
        line("uncheckpointed", verification.uncheckpointed());
        return verification.valid() ? 0 : 1;
    }

    private void line(String field, Object value) {
        out.printf("%-21s %s%n", field + ":", value == null ? "-" : value);
    }

    private BusPki load(Options options) {
        return DemoPki.load(options.dataDir(), password(options), clock);
    }

    private CertificateAuthority authority(Options options) {
        return CertificateAuthority.open(caDirectory(options, options.algorithm()), password(options), clock);
    }

    private static Path caDirectory(Options options, SignatureAlgorithm algorithm) {
        return options.dataDir().resolve("pki").resolve(algorithm.id());
    }

    private char[] password(Options options) {
        String password = options.has("password") ? options.required("password") : environment.get("TONGBAN_PKI_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password: give --password or set TONGBAN_PKI_PASSWORD");
        }
        return password.toCharArray();
    }

    /** {@code --name value} pairs and bare {@code --flag}s after the command. */
    private record Options(Map<String, String> values) {
        private static final List<String> FLAGS = List.of("json", "gmt0010", "no-timestamp");

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String name = args[i].substring(2);
                if (FLAGS.contains(name)) {
                    values.put(name, "true");
                } else if (i + 1 < args.length) {
                    values.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            }
            return new Options(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return value;
        }

        String value(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        Path path(String name) {
            return Path.of(required(name));
        }

        Path dataDir() {
            return path("data-dir");
        }

        SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.fromId(value("alg", "sm2"));
        }
    }
}

package io.tongban.security.pki;

import io.tongban.security.ErrorCode;
import io.tongban.security.RawSignatures;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.revocation.CrlIssuer;
import io.tongban.security.revocation.RevocationReason;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One algorithm family of the bus PKI kept in a directory: a root CA, an issuing CA that certifies
 * departments and publishes the CRL, and one PKCS#12 keystore per certified holder.
 *
 * <pre>
 * root.pem  root.p12  issuing.pem  issuing.p12  issuing.crl  issuing-crl.pem
 * &lt;holder&gt;.p12  &lt;holder&gt;.pem        (holder = department name, platform, tsa)
 * tls/&lt;name&gt;.pem                         (TLS certificates issued here; their keys stay with their holders)
 * </pre>
 * Not thread-safe for issuing and revoking: the CA is operated by one process at a time.
 */
public final class CertificateAuthority {
    public static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    public static final Duration ISSUING_VALIDITY = Duration.ofDays(10 * 365);
    public static final Duration HOLDER_VALIDITY = Duration.ofDays(2 * 365);
    private static final List<String> CA_FILES = List.of("root", "issuing");
    private static final String TLS_DIRECTORY = "tls";

    private final SignatureAlgorithm algorithm;
    private final Path directory;
    private final char[] password;
    private final Clock clock;
    private final X509Certificate root;
    private final X509Certificate issuingCertificate;
    private final Map<String, CertifiedKey> holders = new ConcurrentHashMap<>();
    private CertifiedKey issuing; // read on first use: relying on the CA (verifying) needs no CA key
    private X509CRL crl;

    private CertificateAuthority(SignatureAlgorithm algorithm, Path directory, char[] password, Clock clock,
                                 X509Certificate root, X509Certificate issuingCertificate, CertifiedKey issuing,
                                 X509CRL crl) {
        this.algorithm = algorithm;
        this.directory = directory;
        this.password = password.clone();
        this.clock = clock;
        this.root = root;
        this.issuingCertificate = issuingCertificate;
        this.issuing = issuing;
        this.crl = crl;
    }

    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve("issuing.p12"));
    }

    /** Creates the root and issuing CA and an empty CRL in an empty directory. */
    public static CertificateAuthority create(SignatureAlgorithm algorithm, Path directory, char[] password,
                                              Clock clock) {
        return create(algorithm, directory, password, clock, "Tongban Bus");
    }

    /**
     * Creates the CAs under another operator's name ({@code "<operator> Root CA SM2"}, ...), as another region's PKI
     * whose signatures a bus recognises beside its own would be named.
     */
    public static CertificateAuthority create(SignatureAlgorithm algorithm, Path directory, char[] password,
                                              Clock clock, String operator) {
        if (existsIn(directory)) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "a CA already exists in " + directory);
        }
        Instant now = clock.instant();
        Instant notBefore = now.minus(Duration.ofHours(1)); // tolerate clocks of relying parties a little behind
        String label = algorithm == SignatureAlgorithm.SM2_SM3 ? "SM2" : "ECDSA";
        KeyPair rootKeys = RawSignatures.generateKeyPair(algorithm);
        X509Certificate root = CertificateIssuer.selfSignedRoot(algorithm,
                CertificateIssuer.caName(operator + " Root CA " + label), rootKeys.getPublic(),
                rootKeys.getPrivate(), notBefore, now.plus(ROOT_VALIDITY));
        CertifiedKey rootKey = new CertifiedKey(rootKeys.getPrivate(), List.of(root));
        KeyPair issuingKeys = RawSignatures.generateKeyPair(algorithm);
        X509Certificate issuingCertificate = CertificateIssuer.issuingCa(algorithm, rootKey,
                CertificateIssuer.caName(operator + " Issuing CA " + label), issuingKeys.getPublic(),
                notBefore, now.plus(ISSUING_VALIDITY));
        CertifiedKey issuing = new CertifiedKey(issuingKeys.getPrivate(), List.of(issuingCertificate, root));
        X509CRL crl = CrlIssuer.initial(algorithm, issuing, now);

        PkiFiles.writePkcs12(directory.resolve("root.p12"), "root", rootKey, password);
        PkiFiles.writePem(directory.resolve("root.pem"), root);
        PkiFiles.writePkcs12(directory.resolve("issuing.p12"), "issuing", issuing, password);
        PkiFiles.writePem(directory.resolve("issuing.pem"), issuingCertificate);
        CertificateAuthority ca = new CertificateAuthority(algorithm, directory, password, clock, root,
                issuingCertificate, issuing, crl);
        ca.saveCrl();
        return ca;
    }

    /** Opens an existing CA directory; its algorithm family is read from the issuing CA certificate. */
    public static CertificateAuthority open(Path directory, char[] password, Clock clock) {
        if (!existsIn(directory)) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "no CA in " + directory);
        }
        X509Certificate issuingCertificate = PkiFiles.readCertificates(directory.resolve("issuing.pem")).get(0);
        X509Certificate root = PkiFiles.readCertificates(directory.resolve("root.pem")).get(0);
        X509CRL crl = PkiFiles.readCrl(directory.resolve("issuing.crl"));
        SignatureAlgorithm algorithm = SignatureAlgorithm.ofKey(issuingCertificate.getPublicKey());
        return new CertificateAuthority(algorithm, directory, password, clock, root, issuingCertificate, null, crl);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public Path directory() {
        return directory;
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public X509Certificate issuingCertificate() {
        return issuingCertificate;
    }

    private synchronized CertifiedKey issuingKey() {
        if (issuing == null) {
            issuing = PkiFiles.readPkcs12(directory.resolve("issuing.p12"), password);
        }
        return issuing;
    }

    public synchronized X509CRL currentCrl() {
        return crl;
    }

    /** Issues a certificate for the holder valid for {@link #HOLDER_VALIDITY} and stores its keystore. */
    public CertifiedKey issue(Department holder) {
        Instant now = clock.instant();
        return issue(holder, now.minus(Duration.ofHours(1)), now.plus(HOLDER_VALIDITY));
    }

    /** Issues a certificate with the given validity (tests use past dates) and stores its keystore. */
    public CertifiedKey issue(Department holder, Instant notBefore, Instant notAfter) {
        KeyPair keys = RawSignatures.generateKeyPair(algorithm);
        CertifiedKey issuer = issuingKey();
        X509Certificate certificate = CertificateIssuer.endEntity(algorithm, issuer, holder, keys.getPublic(),
                notBefore, notAfter);
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(issuer.chain());
        CertifiedKey certified = new CertifiedKey(keys.getPrivate(), chain);
        PkiFiles.writePkcs12(directory.resolve(holder.name() + ".p12"), holder.name(), certified, password);
        PkiFiles.writePem(directory.resolve(holder.name() + ".pem"), certificate);
        holders.put(holder.name(), certified);
        return certified;
    }

    /**
     * Issues a TLS certificate (see {@link CertificateIssuer#tlsEndEntity}) valid for {@link #HOLDER_VALIDITY} and
     * keeps the certificate, not the key, under {@code tls/<fileName>.pem} so that it can be revoked later.
     */
    public CertifiedKey issueTls(String fileName, X500Name subject, GeneralName... serverNames) {
        Instant now = clock.instant();
        KeyPair keys = RawSignatures.generateKeyPair(algorithm);
        CertifiedKey issuer = issuingKey();
        X509Certificate certificate = CertificateIssuer.tlsEndEntity(algorithm, issuer, subject, keys.getPublic(),
                now.minus(Duration.ofHours(1)), now.plus(HOLDER_VALIDITY), serverNames);
        try {
            Files.createDirectories(directory.resolve(TLS_DIRECTORY));
        } catch (IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot create " + TLS_DIRECTORY, e);
        }
        PkiFiles.writePem(directory.resolve(TLS_DIRECTORY).resolve(fileName + ".pem"), certificate);
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(issuer.chain());
        return new CertifiedKey(keys.getPrivate(), chain);
    }

    /** The keystore of a holder certified earlier. */
    public CertifiedKey holder(String name) {
        if (CA_FILES.contains(name)) {
            throw new SecurityServiceException(ErrorCode.UNKNOWN_SIGNER, "the CA keys are not signing identities");
        }
        Path file = directory.resolve(name + ".p12");
        if (!Files.isRegularFile(file)) {
            throw new SecurityServiceException(ErrorCode.UNKNOWN_SIGNER, "no keystore for '" + name + "' in " + directory);
        }
        // PKCS#12 key derivation costs a tenth of a second: read each keystore once
        return holders.computeIfAbsent(name, n -> PkiFiles.readPkcs12(file, password));
    }

    /** The names of all holders with a keystore in the directory, sorted. */
    public List<String> holderNames() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".p12"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> !CA_FILES.contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot list " + directory, e);
        }
    }

    /**
     * Revokes a certificate this CA issued, effective from {@code revocationTime}, and publishes
     * (stores and returns) the new CRL.
     */
    public synchronized X509CRL revoke(BigInteger serialNumber, RevocationReason reason, Instant revocationTime) {
        boolean issuedHere = issuedCertificates().stream().anyMatch(c -> c.getSerialNumber().equals(serialNumber));
        if (!issuedHere) {
            throw new SecurityServiceException(ErrorCode.UNKNOWN_CERTIFICATE,
                    "serial " + serialNumber.toString(16) + " was not issued by this CA");
        }
        crl = CrlIssuer.revoke(algorithm, issuingKey(), crl, serialNumber, reason, revocationTime, clock.instant());
        saveCrl();
        return crl;
    }

    private List<X509Certificate> issuedCertificates() {
        List<X509Certificate> issued = new ArrayList<>();
        holderNames().forEach(n -> issued.add(PkiFiles.readCertificates(directory.resolve(n + ".pem")).get(0)));
        Path tls = directory.resolve(TLS_DIRECTORY);
        if (Files.isDirectory(tls)) {
            try (Stream<Path> files = Files.list(tls)) {
                files.filter(f -> f.toString().endsWith(".pem")).sorted()
                        .forEach(f -> issued.add(PkiFiles.readCertificates(f).get(0)));
            } catch (IOException e) {
                throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot list " + tls, e);
            }
        }
        return issued;
    }

    /**
     * Re-signs the CRL when half its validity has passed, so relying parties never hold a lapsed
     * one; returns whether it did. Call at start and then daily.
     */
    public synchronized boolean refreshCrlIfDue() {
        Instant due = crl.getThisUpdate().toInstant().plus(CrlIssuer.VALIDITY.dividedBy(2));
        if (clock.instant().isBefore(due)) {
            return false;
        }
        refreshCrl();
        return true;
    }

    /** Re-signs the CRL with a fresh thisUpdate/nextUpdate, as a CA does before the old one lapses. */
    public synchronized X509CRL refreshCrl() {
        crl = CrlIssuer.refresh(algorithm, issuingKey(), crl, clock.instant());
        saveCrl();
        return crl;
    }

    private void saveCrl() {
        try {
            PkiFiles.writeAtomically(directory.resolve("issuing.crl"), crl.getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot encode the CRL", e);
        }
        PkiFiles.writePem(directory.resolve("issuing-crl.pem"), crl);
    }
}

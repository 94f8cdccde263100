package io.tongban.routes.access;

import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.PkiFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS credentials of demo mode, issued by the demo PKI's ECDSA CA into the demo directory on first start and
 * kept after: the bus PKI's root ({@code ca.crt}, for {@code curl --cacert}), the mutual-TLS listener's own
 * certificate for localhost ({@code bus-tls.crt}, {@code bus-tls.key}) and one client certificate and key per
 * registered department system ({@code <consumer>.crt}, {@code <consumer>.key}). A file that another CA issued
 * (the PKI was recreated) is issued again.
 */
final class DemoTlsCredentials {

    static final String CA_FILE = "ca.crt";
    static final String SERVER_NAME = "bus-tls";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTlsCredentials.class);

    private DemoTlsCredentials() {
    }

    static void ensureIn(Path directory, CertificateAuthority ca, List<String> consumers) {
        try {
            Files.createDirectories(directory);
            PkiFiles.writePem(directory.resolve(CA_FILE), ca.rootCertificate());
            ensure(directory, SERVER_NAME, ca, subject("localhost"), new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            for (String consumer : consumers) {
                ensure(directory, consumer, ca, subject(consumer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo TLS credentials under " + directory, e);
        }
        LOG.warn("DEMO MODE: client certificates for {} are in {} (curl --cert <consumer>.crt --key <consumer>.key"
                + " --cacert {})", consumers, directory.toAbsolutePath(), CA_FILE);
    }

    static Path certificateFile(Path directory, String name) {
        return directory.resolve(name + ".crt");
    }

    static Path keyFile(Path directory, String name) {
        return directory.resolve(name + ".key");
    }

    private static void ensure(Path directory, String name, CertificateAuthority ca, X500Name subject,
                               GeneralName... serverNames) throws IOException {
        Path certificate = certificateFile(directory, name);
        Path key = keyFile(directory, name);
        if (Files.exists(key) && Files.exists(certificate) && issuedBy(certificate, ca)) {
            return;
        }
        CertifiedKey issued = ca.issueTls((serverNames.length > 0 ? "server-" : "client-") + name, subject, serverNames);
        PkiFiles.writePem(certificate, issued.chain().subList(0, issued.chain().size() - 1).toArray());
        Files.deleteIfExists(key);
        Files.createFile(key);
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(key, PemKeys.pem("PRIVATE KEY", issued.privateKey().getEncoded()));
    }

    private static boolean issuedBy(Path certificate, CertificateAuthority ca) {
        try {
            X509Certificate held = PkiFiles.readCertificates(certificate).get(0);
            held.verify(ca.issuingCertificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Tongban Bus demo")
                .addRDN(BCStyle.CN, commonName).build();
    }
}

package io.tongban.security.pki;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reading and writing PEM certificates, CRLs and PKCS#12 keystores; every write is atomic. */
public final class PkiFiles {
    private PkiFiles() {
    }

    public static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle X.509 factory missing", e);
        }
    }

    /** Parses DER or PEM certificates (one or several). */
    public static List<X509Certificate> parseCertificates(byte[] encoded) {
        try (InputStream in = new ByteArrayInputStream(encoded)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : certificateFactory().generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (GeneralSecurityException | IOException e) {
            throw new SecurityServiceException(ErrorCode.MALFORMED_CERTIFICATE, "not a certificate", e);
        }
    }

    public static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file));
    }

    public static X509CRL parseCrl(byte[] encoded) {
        try (InputStream in = new ByteArrayInputStream(encoded)) {
            return (X509CRL) certificateFactory().generateCRL(in);
        } catch (GeneralSecurityException | IOException e) {
            throw new SecurityServiceException(ErrorCode.MALFORMED_CERTIFICATE, "not a CRL", e);
        }
    }

    public static X509CRL readCrl(Path file) {
        return parseCrl(read(file));
    }

    /** PEM text of certificates, CRLs or keys, in order. */
    public static String toPem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding failed", e);
        }
        return text.toString();
    }

    public static void writePem(Path file, Object... objects) {
        writeAtomically(file, toPem(objects).getBytes(StandardCharsets.US_ASCII));
    }

    /** Stores a key with its chain under {@code alias} (the holder's name) in a new PKCS#12 file. */
    public static void writePkcs12(Path file, String alias, CertifiedKey certifiedKey, char[] password) {
        try {
            // AES and PBKDF2 instead of the legacy RC2 default, which OpenSSL 3 no longer reads
            KeyStore store = KeyStore.getInstance("PKCS12-AES256-AES128", BouncyCastle.PROVIDER);
            store.load(null, null);
            // fresh copies: Bouncy Castle pins bag attributes (friendly name) on certificate objects,
            // and a CA certificate shared by many keystores would otherwise carry another's alias
            X509Certificate[] chain = parseCertificates(encode(certifiedKey.chain())).toArray(new X509Certificate[0]);
            store.setKeyEntry(alias, certifiedKey.privateKey(), password, chain);
            var bytes = new java.io.ByteArrayOutputStream();
            store.store(bytes, password);
            writeAtomically(file, bytes.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot write keystore " + file, e);
        }
    }

    /** Reads the (single) key entry of a PKCS#12 keystore with its chain. */
    public static CertifiedKey readPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toList();
                    return new CertifiedKey((PrivateKey) key, chain);
                }
            }
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "keystore " + file + " holds no key");
        } catch (GeneralSecurityException | IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE,
                    "cannot read keystore " + file + " (missing file or wrong password)", e);
        }
    }

    private static byte[] encode(List<X509Certificate> certificates) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            for (X509Certificate certificate : certificates) {
                bytes.write(certificate.getEncoded());
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
        return bytes.toByteArray();
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot read " + file, e);
        }
    }

    /** Writes to a temporary file then renames, so a crash never leaves a half-written file. */
    public static void writeAtomically(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(bytes);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "cannot write " + file, e);
        }
    }
}

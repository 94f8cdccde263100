package io.tongban.security.pki;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/** Builds the certificates of the bus PKI: root CA, issuing CA and end-entity certificates. */
public final class CertificateIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** The subject of a bus CA: {@code C=CN, O=Tongban Bus, CN=<commonName>}. */
    public static X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "Tongban Bus")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /**
     * The subject of a department: its organisation, unit, short name and its unified social credit
     * code as organizationIdentifier (2.5.4.97), where relying parties look for an organisation's id.
     */
    public static X500Name departmentName(Department department) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, department.organisation())
                .addRDN(BCStyle.OU, department.unit())
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, department.creditCode())
                .addRDN(BCStyle.CN, department.name())
                .build();
    }

    public static X509Certificate selfSignedRoot(SignatureAlgorithm algorithm, X500Name subject, PublicKey publicKey,
                                                 PrivateKey privateKey, Instant notBefore, Instant notAfter) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, publicKey, notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            return sign(builder, algorithm, privateKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw failure("root CA certificate", e);
        }
    }

    public static X509Certificate issuingCa(SignatureAlgorithm algorithm, CertifiedKey issuer, X500Name subject,
                                            PublicKey publicKey, Instant notBefore, Instant notAfter) {
        try {
            X509v3CertificateBuilder builder = issuedBy(issuer, subject, publicKey, notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return sign(builder, algorithm, issuer.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw failure("issuing CA certificate", e);
        }
    }

    /**
     * A signing certificate for a department or the platform; for the timestamp authority the
     * extended key usage timeStamping, critical, as RFC 3161 demands.
     */
    public static X509Certificate endEntity(SignatureAlgorithm algorithm, CertifiedKey issuer, Department holder,
                                            PublicKey publicKey, Instant notBefore, Instant notAfter) {
        try {
            boolean tsa = Department.TSA.equals(holder.name());
            X509v3CertificateBuilder builder = issuedBy(issuer, departmentName(holder), publicKey, notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(tsa
                            ? KeyUsage.digitalSignature
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (tsa) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return sign(builder, algorithm, issuer.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw failure("certificate for " + holder.name(), e);
        }
    }

    /**
     * A TLS certificate: for a client (extended key usage clientAuth, the department systems that call the bus) or
     * for a server (serverAuth, with the DNS names and addresses it answers on as subjectAltName).
     */
    public static X509Certificate tlsEndEntity(SignatureAlgorithm algorithm, CertifiedKey issuer, X500Name subject,
                                               PublicKey publicKey, Instant notBefore, Instant notAfter,
                                               GeneralName... serverNames) {
        try {
            boolean server = serverNames.length > 0;
            X509v3CertificateBuilder builder = issuedBy(issuer, subject, publicKey, notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(serverNames));
            }
            return sign(builder, algorithm, issuer.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw failure("TLS certificate for " + subject, e);
        }
    }

    private static X509v3CertificateBuilder issuedBy(CertifiedKey issuer, X500Name subject, PublicKey publicKey,
                                                     Instant notBefore, Instant notAfter)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return builder(issuerName, subject, publicKey, notBefore, notAfter)
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuer.certificate()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey publicKey,
                                                    Instant notBefore, Instant notAfter) {
        return new JcaX509v3CertificateBuilder(issuer, newSerialNumber(), Date.from(notBefore), Date.from(notAfter),
                subject, publicKey);
    }

    /** 63 random bits: unique in practice, positive, short enough to type on the command line. */
    private static BigInteger newSerialNumber() {
        return new BigInteger(63, RANDOM).setBit(62);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, SignatureAlgorithm algorithm,
                                        PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(algorithm.jcaSignatureName())
                    .setProvider(BouncyCastle.PROVIDER).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static SecurityServiceException failure(String what, Exception cause) {
        return new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot issue the " + what, cause);
    }
}

package io.tongban.security.revocation;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.CertifiedKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Signs the issuing CA's certificate revocation lists; each new CRL carries the earlier entries. */
public final class CrlIssuer {
    /** How long relying parties may keep a CRL before fetching a newer one. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private CrlIssuer() {
    }

    /** A CRL with no entries, number 1. */
    public static X509CRL initial(SignatureAlgorithm algorithm, CertifiedKey issuingCa, Instant now) {
        return build(algorithm, issuingCa, null, null, null, null, now);
    }

    /** The previous entries under a new CRL number, thisUpdate and nextUpdate. */
    public static X509CRL refresh(SignatureAlgorithm algorithm, CertifiedKey issuingCa, X509CRL previous, Instant now) {
        return build(algorithm, issuingCa, previous, null, null, null, now);
    }

    /**
     * A new CRL: the previous entries plus {@code serial} revoked from {@code revocationTime}. CRLs
     * hold whole seconds, so the time is cut to its second: the revocation takes effect slightly
     * early rather than late.
     */
    public static X509CRL revoke(SignatureAlgorithm algorithm, CertifiedKey issuingCa, X509CRL previous,
                                 BigInteger serial, RevocationReason reason, Instant revocationTime, Instant now) {
        return build(algorithm, issuingCa, previous, serial, reason, revocationTime, now);
    }

    private static X509CRL build(SignatureAlgorithm algorithm, CertifiedKey issuingCa, X509CRL previous,
                                 BigInteger serial, RevocationReason reason, Instant revocationTime, Instant now) {
        try {
            X500Name issuer = X500Name.getInstance(issuingCa.certificate().getSubjectX500Principal().getEncoded());
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
            BigInteger number = BigInteger.ONE;
            if (previous != null) {
                X509CRLHolder holder = new X509CRLHolder(previous.getEncoded());
                builder.addCRL(holder);
                number = crlNumber(holder).add(BigInteger.ONE);
            }
            if (serial != null) {
                builder.addCRLEntry(serial, Date.from(revocationTime), reason.code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuingCa.certificate()));
            var signer = new JcaContentSignerBuilder(algorithm.jcaSignatureName())
                    .setProvider(BouncyCastle.PROVIDER).build(issuingCa.privateKey());
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(builder.build(signer));
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot issue the CRL", e);
        }
    }

    private static BigInteger crlNumber(X509CRLHolder holder) {
        var extension = holder.getExtension(Extension.cRLNumber);
        return extension == null ? BigInteger.ZERO : ASN1Integer.getInstance(extension.getParsedValue()).getValue();
    }
}

package io.tongban.security.cms;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.tsp.TimestampAuthority;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Makes detached CMS SignedData (RFC 5652) over the exact bytes of a document, with the signed
 * attributes content-type, message-digest, signing-time and signing-certificate-v2, and, when a
 * timestamp authority is given, an RFC 3161 token over the signature as unsigned attribute.
 * Thread-safe: Bouncy Castle signer state is kept per thread.
 */
public final class CmsSigner {
    private final SignatureAlgorithm algorithm;
    private final CertifiedKey signer;
    private final TimestampAuthority timestampAuthority;
    private final CmsProfile profile;
    private final Attribute signingCertificateV2;
    private final JcaCertStore certificates;

    /**
     * @param timestampAuthority null to sign without timestamp (verifiers that require one refuse it)
     */
    public CmsSigner(SignatureAlgorithm algorithm, CertifiedKey signer, TimestampAuthority timestampAuthority,
                     CmsProfile profile) {
        this.algorithm = algorithm;
        this.signer = signer;
        this.timestampAuthority = timestampAuthority;
        this.profile = profile;
        try {
            this.signingCertificateV2 = signingCertificateV2(algorithm, signer.certificate());
            // the chain without its root: relying parties hold the root as their trust anchor
            List<X509Certificate> carried = signer.chain().size() > 1
                    ? signer.chain().subList(0, signer.chain().size() - 1) : signer.chain();
            this.certificates = new JcaCertStore(carried);
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot prepare the signer", e);
        }
    }

    /**
     * One signer-info generator per thread, reused from signature to signature: initialising an SM2
     * signing key costs more than the signature itself (BC derives the public key and Z anew), and
     * Bouncy Castle's signers may be reused in sequence but not shared between threads.
     */
    private final ThreadLocal<SignerInfoGenerator> signerInfoGenerators = ThreadLocal.withInitial(this::newSignerInfoGenerator);

    private SignerInfoGenerator newSignerInfoGenerator() {
        try {
            // default JCA providers: the JDK's SHA-256 is several times faster than Bouncy Castle's
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            var contentSigner = new JcaContentSignerBuilder(algorithm.jcaSignatureName())
                    .setProvider(BouncyCastle.PROVIDER).build(signer.privateKey());
            return new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(signingCertificateV2)))
                    .build(contentSigner, signer.certificate());
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot set up the " + algorithm + " signer", e);
        }
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public X509Certificate certificate() {
        return signer.certificate();
    }

    /** DER-encoded detached SignedData over {@code document}. */
    public byte[] sign(byte[] document) {
        CMSSignedData signed;
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfoGenerators.get());
            generator.addCertificates(certificates);
            signed = generator.generate(new CMSProcessableByteArray(profile.dataType(), document), false);
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot sign with " + algorithm, e);
        }
        if (timestampAuthority != null) {
            signed = withTimestamp(signed);
        }
        try {
            return new ContentInfo(profile.signedDataType(), signed.toASN1Structure().getContent())
                    .getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot encode the signature", e);
        }
    }

    private CMSSignedData withTimestamp(CMSSignedData signed) {
        SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
        byte[] imprint = digest(algorithm, signerInfo.getSignature());
        TimeStampToken token = timestampAuthority.timestamp(algorithm.digestOid(), imprint);
        Attribute tokenAttribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure()));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signerInfo,
                new AttributeTable(tokenAttribute));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed attributes. */
    static Attribute signingCertificateV2(SignatureAlgorithm algorithm, X509Certificate certificate) throws Exception {
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(algorithm.digestOid()),
                digest(algorithm, certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber()));
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{id})));
    }

    static byte[] digest(SignatureAlgorithm algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm.jcaDigestName()).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.jcaDigestName() + " missing from Bouncy Castle", e);
        }
    }
}

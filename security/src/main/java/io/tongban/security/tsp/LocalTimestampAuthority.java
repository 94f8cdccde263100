package io.tongban.security.tsp;

import io.tongban.security.BouncyCastle;
import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.CertifiedKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * The bus's own RFC 3161 timestamp authority on Bouncy Castle's TSP, signing with the TSA
 * certificate of the PKI (extended key usage timeStamping, critical).
 */
public final class LocalTimestampAuthority implements TimestampAuthority {
    /** The bus TSA policy: a UUID-derived OID (ITU-T X.667), so no registered arc is borrowed. */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.276290712095848612905321308090016047712");
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_IMPRINTS = Set.of(TSPAlgorithms.SM3, TSPAlgorithms.SHA256);

    private final SignatureAlgorithm algorithm;
    private final CertifiedKey tsaKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Reused per thread: BC signers may sign in sequence, not concurrently; SM2 key setup is costly. */
    private final ThreadLocal<TimeStampResponseGenerator> responseGenerators;

    public LocalTimestampAuthority(SignatureAlgorithm algorithm, CertifiedKey tsaKey, Clock clock) {
        this.algorithm = algorithm;
        this.tsaKey = tsaKey;
        this.clock = clock;
        newResponseGenerator(); // fail at construction if the TSA certificate is unfit (e.g. no critical EKU)
        this.responseGenerators = ThreadLocal.withInitial(this::newResponseGenerator);
    }

    @Override
    public TimeStampToken timestamp(ASN1ObjectIdentifier imprintAlgorithm, byte[] imprint) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(imprintAlgorithm, imprint, new BigInteger(64, random));
        TimeStampResponse response = respond(request);
        if (response.getTimeStampToken() == null) {
            throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE,
                    "the bus TSA refused the request: " + response.getStatusString());
        }
        return response.getTimeStampToken();
    }

    /** Answers a DER-encoded RFC 3161 request with a DER-encoded response, as served over HTTP. */
    public byte[] respond(byte[] requestDer) {
        try {
            return respond(new TimeStampRequest(requestDer)).getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            try {
                return responseGenerators.get().generateFailResponse(2 /* rejection */, PKIFailureInfo.badDataFormat,
                        "malformed timestamp request").getEncoded();
            } catch (Exception failure) {
                throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE, "cannot answer", failure);
            }
        }
    }

    private TimeStampResponse respond(TimeStampRequest request) {
        try {
            return responseGenerators.get().generateGrantedResponse(request, new BigInteger(64, random).setBit(63),
                    Date.from(clock.instant()));
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE, "the bus TSA failed", e);
        }
    }

    private TimeStampResponseGenerator newResponseGenerator() {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(algorithm.jcaSignatureName(), tsaKey.privateKey(), tsaKey.certificate());
            var essCertIdDigest = digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo, essCertIdDigest, POLICY);
            generator.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            generator.addCertificates(new JcaCertStore(tsaKey.chain()));
            return new TimeStampResponseGenerator(generator, ACCEPTED_IMPRINTS);
        } catch (Exception e) {
            throw new SecurityServiceException(ErrorCode.TIMESTAMP_UNAVAILABLE,
                    "cannot set up the bus TSA with " + tsaKey.certificate().getSubjectX500Principal(), e);
        }
    }
}

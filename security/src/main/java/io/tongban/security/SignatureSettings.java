package io.tongban.security;

import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.VerificationPolicy;

import java.net.URI;
import java.time.Duration;

/**
 * How the bus signs and verifies.
 *
 * @param defaultAlgorithm algorithm family when the caller names none (SM2 with SM3)
 * @param sm2Profile       content types of SM2 signatures: PKCS7 (widest support) or GMT_0010
 * @param externalTsaUrl   an external RFC 3161 TSA; null to use the bus's own TSA
 * @param tsaTimeout       how long to wait for an external TSA
 * @param policy           what verification demands
 */
public record SignatureSettings(SignatureAlgorithm defaultAlgorithm, CmsProfile sm2Profile, URI externalTsaUrl,
                                Duration tsaTimeout, VerificationPolicy policy) {

    public static SignatureSettings defaults() {
        return new SignatureSettings(SignatureAlgorithm.SM2_SM3, CmsProfile.PKCS7, null, Duration.ofSeconds(10),
                VerificationPolicy.strict());
    }

    public SignatureSettings withSm2Profile(CmsProfile profile) {
        return new SignatureSettings(defaultAlgorithm, profile, externalTsaUrl, tsaTimeout, policy);
    }

    public SignatureSettings withExternalTsa(URI url) {
        return new SignatureSettings(defaultAlgorithm, sm2Profile, url, tsaTimeout, policy);
    }

    public SignatureSettings withPolicy(VerificationPolicy newPolicy) {
        return new SignatureSettings(defaultAlgorithm, sm2Profile, externalTsaUrl, tsaTimeout, newPolicy);
    }
}

package io.tongban.routes.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * One token decoder per trusted issuer: ES256 signatures only (so neither {@code none} nor an HMAC keyed with a
 * public key passes), the issuer, the bus's audience and the token's times checked, within a bounded clock skew.
 */
final class TokenDecoders {

    private TokenDecoders() {
    }

    static JwtDecoder forIssuer(AccessProperties.Issuer issuer, String audience, Duration clockSkew) {
        boolean hasKey = issuer.publicKeyLocation() != null && !issuer.publicKeyLocation().isBlank();
        boolean hasJwks = issuer.jwkSetUri() != null && !issuer.jwkSetUri().isBlank();
        if (issuer.issuer() == null || issuer.issuer().isBlank() || hasKey == hasJwks) {
            throw new IllegalStateException("bus.access.issuers: each issuer needs its 'issuer' and exactly one of"
                    + " 'public-key-location' and 'jwk-set-uri' (got " + issuer + ")");
        }
        NimbusJwtDecoder decoder;
        if (hasKey) {
            try {
                decoder = forKey(PemKeys.readPublicKey(Path.of(issuer.publicKeyLocation())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key of issuer " + issuer.issuer(), e);
            }
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        }
        decoder.setJwtValidator(validator(issuer.issuer(), audience, clockSkew));
        return decoder;
    }

    static JwtDecoder forKey(ECPublicKey key, String issuer, String audience, Duration clockSkew) {
        NimbusJwtDecoder decoder = forKey(key);
        decoder.setJwtValidator(validator(issuer, audience, clockSkew));
        return decoder;
    }

    private static NimbusJwtDecoder forKey(ECPublicKey key) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // One key, whatever "kid" a token names; any algorithm but ES256 finds no key at all.
        processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(JWSAlgorithm.ES256, key));
        // The claims are checked by Spring's validators below, with the configured skew.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return new NimbusJwtDecoder(processor);
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(clockSkew),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }
}

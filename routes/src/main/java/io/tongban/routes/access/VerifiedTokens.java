package io.tongban.routes.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers the bearer tokens the issuers' managers accepted until they expire, so that a client sending the same
 * token with every request pays once for what a token costs: reading its issuer (a base64 decode and a JSON parse),
 * the ES256 verification, the claim checks and the mapping to roles, which together were most of a warm lookup. A
 * token is only ever remembered after the full check passed, and never past its {@code exp}.
 */
final class VerifiedTokens implements AuthenticationManager {

    private final AuthenticationManager issuers;
    private final Clock clock;
    private final Cache<String, JwtAuthenticationToken> accepted;

    VerifiedTokens(AuthenticationManager issuers, int capacity, Clock clock) {
        this.issuers = issuers;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(capacity)
                .expireAfter(new Expiry<String, JwtAuthenticationToken>() {
                    @Override
                    public long expireAfterCreate(String token, JwtAuthenticationToken known, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), expiry(known)).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, JwtAuthenticationToken known, long currentTime,
                                                  long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String token, JwtAuthenticationToken known, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                }).build();
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof BearerTokenAuthenticationToken bearer)) {
            return issuers.authenticate(request);
        }
        JwtAuthenticationToken known = accepted.getIfPresent(bearer.getToken());
        if (known != null && clock.instant().isBefore(expiry(known))) {
            return known;
        }
        Authentication verified = issuers.authenticate(request);
        if (verified instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
            accepted.put(bearer.getToken(), jwt);
        }
        return verified;
    }

    private static Instant expiry(JwtAuthenticationToken known) {
        return known.getToken().getExpiresAt();
    }
}

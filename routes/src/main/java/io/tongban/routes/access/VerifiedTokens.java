package io.tongban.routes.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens a decoder accepted until they expire, so that a client sending the same token with every
 * request pays for one ES256 verification, not one per request (which cost most of a warm lookup). A token is only
 * ever remembered after the full check passed, and never past its {@code exp}.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    VerifiedTokens(JwtDecoder decoder, int capacity, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(capacity).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt verified = decoder.decode(token);
        accepted.put(token, verified);
        return verified;
    }
}

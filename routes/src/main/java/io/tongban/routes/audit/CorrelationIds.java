package io.tongban.routes.audit;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Correlation ids as time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits), so
 * that the log's index on them grows at its right edge like the log itself; a random UUID put every append on
 * another page of that index, and the page written again with every commit.
 */
public final class CorrelationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CorrelationIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

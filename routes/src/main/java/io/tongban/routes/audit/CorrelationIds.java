package io.tongban.routes.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Correlation ids as time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits), so
 * that the log's index on them grows at its right edge like the log itself; a random UUID put every append on
 * another page of that index, and the page written again with every commit.
 *
 * <p>The 74 random bits only have to make ids unique, not unguessable (an id grants nothing), so they come from each
 * thread's own generator: one {@code SecureRandom} shared by every request thread was a lock they queued on (JFR,
 * bench/access.sh), and a read of {@code /dev/urandom} under it twice a request.
 */
public final class CorrelationIds {

    private CorrelationIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

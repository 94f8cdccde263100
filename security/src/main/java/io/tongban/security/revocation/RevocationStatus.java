package io.tongban.security.revocation;

import java.time.Instant;

/**
 * What the CRLs say about a certificate at a point in time. A certificate revoked after that time
 * still vouches for what it signed before ({@link State#REVOKED_LATER}).
 */
public record RevocationStatus(State state, Instant revokedAt, String reason) {

    public enum State { GOOD, REVOKED, REVOKED_LATER, UNKNOWN }

    public static RevocationStatus good() {
        return new RevocationStatus(State.GOOD, null, null);
    }

    public static RevocationStatus unknown() {
        return new RevocationStatus(State.UNKNOWN, null, null);
    }
}

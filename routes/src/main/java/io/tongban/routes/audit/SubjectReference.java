package io.tongban.routes.audit;

/**
 * Whose data an exchange was about, as the log keeps it: never the identifier itself, but a keyed hash to search
 * by and a masked form to show (4403**********1274).
 */
public record SubjectReference(String type, String hash, String masked) {
}

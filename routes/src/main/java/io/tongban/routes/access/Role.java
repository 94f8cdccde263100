package io.tongban.routes.access;

import java.util.Locale;

/** What a caller of the bus may be; a token names its roles in its {@code roles} claim, in lower case. */
public enum Role {
    /** The one-window platform: asks for subjects' data for a case. */
    PLATFORM,
    /** A department's own systems. */
    DEPARTMENT,
    /** Reads the exchange log and access reports, never subjects' data. */
    AUDITOR,
    /** Keeps the catalogue and the grants, never reads subjects' data. */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role as a token's {@code roles} claim names it. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

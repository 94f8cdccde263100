package io.tongban.sandbox;

import java.util.Locale;

/** The four simulated department line systems. */
public enum SystemId {
    PUBLIC_SECURITY,
    MARKET_SUPERVISION,
    TAX,
    SOCIAL_SECURITY;

    /** Accepts "TAX", "tax" and "public-security" alike (admin URLs use the lower-case form). */
    public static SystemId parse(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SystemId id : values()) {
            if (id.name().equals(normalised)) {
                return id;
            }
        }
        throw new IllegalArgumentException("sandbox.unknown_system: " + text);
    }
}

package io.tongban.mappings;


import java.util.Set;

/**
 * One field of the canonical model: its value type (text, code, identityNumber, creditCode, date,
 * instant, decimal, integer, boolean, list), its group (identity, insurance, tax, registration),
 * the ONE source whose value wins when sources disagree (and which decides how it is shared), how the
 * sharing catalogue classes it, and for a code field the canonical values it may take (empty: any
 * value of its table).
 */
public record CanonicalField(String name, String type, String group, String authority, SharingType sharing,
                             Set<String> values) {
    public CanonicalField {
        values = Set.copyOf(values);
    }
}

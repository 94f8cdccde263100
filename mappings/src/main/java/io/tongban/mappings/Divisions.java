package io.tongban.mappings;

import java.util.Set;

/**
 * Plausibility of GB/T 2260 division codes. The full table changes every year, so only the
 * province-level prefix is checked: a code whose first two digits name no province is certainly
 * wrong, while a county code unknown to an outdated table may still be a real, older one.
 */
final class Divisions {
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private Divisions() {
    }

    static boolean isPlausible(String sixDigits) {
        return sixDigits.length() == 6 && PROVINCES.contains(sixDigits.substring(0, 2));
    }
}

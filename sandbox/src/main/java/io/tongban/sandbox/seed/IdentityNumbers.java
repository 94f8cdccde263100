package io.tongban.sandbox.seed;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** GB 11643 citizen identity numbers: building, checking and the old 15-digit form. */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IdentityNumbers() {
    }

    /** Builds an 18-character number; the sequence's parity carries the gender (odd = male). */
    public static String build(String divisionCode, LocalDate birthDate, int sequence) {
        String body = divisionCode + birthDate.format(BASIC) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits; 10 is written X. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{17}[\\dX]")) {
            return false;
        }
        try {
            LocalDate.parse(number.substring(6, 14), BASIC);
        } catch (RuntimeException e) {
            return false;
        }
        return checkCharacter(number) == number.charAt(17);
    }

    /** The pre-1999 form: two-digit year, no check character. Only for people born in the 1900s. */
    public static String toFifteenDigits(String number18) {
        if (!number18.startsWith("19", 6)) {
            throw new IllegalArgumentException("sandbox.not_convertible: only 19xx births have a 15-digit form");
        }
        return number18.substring(0, 6) + number18.substring(8, 17);
    }

    /** Masks a number for logs: first 6 and last 2 characters kept. */
    public static String mask(String number) {
        if (number == null || number.length() <= 8) {
            return "********";
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 8) + number.substring(number.length() - 2);
    }
}

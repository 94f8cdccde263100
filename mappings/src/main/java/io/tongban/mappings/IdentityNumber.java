package io.tongban.mappings;

import io.tongban.mappings.InvalidIdentifierException.Reason;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A citizen identity number (公民身份号码, GB 11643), always held in its 18-character form.
 * Old 15-digit numbers (two-digit year, no check character) are accepted and converted, so that
 * both forms of one person's number compare equal.
 */
public final class IdentityNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private IdentityNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses an 18- or 15-character identity number; surrounding whitespace, full-width digits
     * and a lower-case x are tolerated.
     *
     * @throws InvalidIdentifierException naming the rule that is broken
     */
    public static IdentityNumber parse(String input) {
        if (input == null) {
            throw new InvalidIdentifierException(Reason.WRONG_LENGTH, "identity number is missing");
        }
        String text = ChineseText.toHalfWidth(input.strip()).toUpperCase();
        if (text.length() == 15) {
            requireDigits(text, 15);
            String body = text.substring(0, 6) + "19" + text.substring(6);
            return validated(body + checkCharacter(body));
        }
        if (text.length() != 18) {
            throw new InvalidIdentifierException(Reason.WRONG_LENGTH,
                    "identity number must have 18 characters (or 15 in the old form), not " + text.length());
        }
        requireDigits(text, 17);
        char last = text.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            throw new InvalidIdentifierException(Reason.ILLEGAL_CHARACTER,
                    "identity number position 18 must be a digit or X, not '" + last + "'");
        }
        IdentityNumber number = validated(text);
        char expected = checkCharacter(text.substring(0, 17));
        if (expected != last) {
            throw new InvalidIdentifierException(Reason.WRONG_CHECK_CHARACTER,
                    "check character should be " + expected + ", not " + last);
        }
        return number;
    }

    /** True when {@link #parse(String)} would accept the input. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /**
     * The form of an identity number allowed in logs: the first 6 and the last 2 characters, the
     * rest replaced by '*' (house rule for personal data). Null-safe; short input is fully masked.
     */
    public static String mask(String input) {
        if (input == null) {
            return null;
        }
        String text = input.strip();
        if (text.length() < 10) {
            return "*".repeat(text.length());
        }
        return text.substring(0, 6) + "*".repeat(text.length() - 8) + text.substring(text.length() - 2);
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static void requireDigits(String text, int count) {
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException(Reason.ILLEGAL_CHARACTER,
                        "identity number position " + (i + 1) + " must be a digit, not '" + c + "'");
            }
        }
    }

    private static IdentityNumber validated(String eighteen) {
        if (!Divisions.isPlausible(eighteen.substring(0, 6))) {
            throw new InvalidIdentifierException(Reason.INVALID_DIVISION,
                    "identity number positions 1-6 are no division code: province "
                            + eighteen.substring(0, 2) + " does not exist");
        }
        String date = eighteen.substring(6, 14);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(date.substring(0, 4)),
                    Integer.parseInt(date.substring(4, 6)), Integer.parseInt(date.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException(Reason.INVALID_DATE,
                    "identity number positions 7-14 are no real birth date: " + date);
        }
        if (birthDate.getYear() < 1800 || birthDate.isAfter(LocalDate.now())) {
            throw new InvalidIdentifierException(Reason.INVALID_DATE,
                    "identity number positions 7-14 give a birth date out of range: " + date);
        }
        return new IdentityNumber(eighteen, birthDate);
    }

    /** The 18-character canonical form. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** GB/T 2261.1 gender code from the sequence number: "1" male (odd), "2" female (even). */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** The six-digit GB/T 2260 division code of the place of first registration. */
    public String division() {
        return value.substring(0, 6);
    }

    /** The old 15-digit form of this number, which exists only for people born in the 1900s. */
    public Optional<String> legacy15() {
        if (!value.startsWith("19", 6)) {
            return Optional.empty();
        }
        return Optional.of(value.substring(0, 6) + value.substring(8, 17));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that a number logged by accident does not leak. */
    @Override
    public String toString() {
        return mask(value);
    }
}

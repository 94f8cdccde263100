package io.tongban.mappings;

import io.tongban.mappings.InvalidIdentifierException.Reason;

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters from a 31-character set
 * that leaves out I, O, S, V and Z, the last one a check character.
 */
public final class CreditCode {
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Central-level organisations carry 100000 instead of a province's division. */
    private static final String CENTRAL_DIVISION = "100000";

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a credit code; surrounding whitespace, full-width characters and lower case are tolerated.
     *
     * @throws InvalidIdentifierException naming the rule that is broken
     */
    public static CreditCode parse(String input) {
        if (input == null) {
            throw new InvalidIdentifierException(Reason.WRONG_LENGTH, "credit code is missing");
        }
        String text = ChineseText.toHalfWidth(input.strip()).toUpperCase();
        if (text.length() != 18) {
            throw new InvalidIdentifierException(Reason.WRONG_LENGTH,
                    "credit code must have 18 characters, not " + text.length());
        }
        for (int i = 0; i < 18; i++) {
            char c = text.charAt(i);
            if (CHARACTERS.indexOf(c) < 0) {
                throw new InvalidIdentifierException(Reason.ILLEGAL_CHARACTER,
                        "credit code position " + (i + 1) + " has '" + c
                                + "', which is not in the GB 32100 character set (no I, O, S, V, Z)");
            }
        }
        String division = text.substring(2, 8);
        if (!isDigits(division) || !(Divisions.isPlausible(division) || division.equals(CENTRAL_DIVISION))) {
            throw new InvalidIdentifierException(Reason.INVALID_DIVISION,
                    "credit code positions 3-8 are no division code: " + division);
        }
        char expected = checkCharacter(text.substring(0, 17));
        if (expected != text.charAt(17)) {
            throw new InvalidIdentifierException(Reason.WRONG_CHECK_CHARACTER,
                    "check character should be " + expected + ", not " + text.charAt(17));
        }
        return new CreditCode(text);
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

    /** GB 32100 check character over the first 17 characters, which must be in the character set. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public String value() {
        return value;
    }

    /** Position 1: the registering authority, e.g. "9" for market supervision. */
    public String registeringAuthority() {
        return value.substring(0, 1);
    }

    /** Position 2: the entity category within the authority, e.g. "1" enterprise under authority 9. */
    public String category() {
        return value.substring(1, 2);
    }

    /** Positions 3-8: the GB/T 2260 division code of the registering office. */
    public String division() {
        return value.substring(2, 8);
    }

    /** Positions 9-17: the GB 11714 organisation code. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreditCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}

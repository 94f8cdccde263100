package io.tongban.connectors;

import io.tongban.mappings.CreditCode;
import io.tongban.mappings.IdentityNumber;

/** Well-formed identifiers that no sandbox system knows, found by trying every check character. */
public final class TestSubjects {

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestSubjects() {
    }

    /** A valid GB 11643 number for a woman born 1 January 1900 in Beijing Dongcheng: not among the seed persons. */
    public static String unknownPerson() {
        for (char check : "0123456789X".toCharArray()) {
            String candidate = "11010119000101002" + check;
            if (IdentityNumber.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no check character fits");
    }

    /** A valid GB 32100 code with organisation code 00000001X: not among the seed entities. */
    public static String unknownCompany() {
        return withCheckCharacter("91440300000000001");
    }

    /** The seventeen characters followed by the one check character that makes a valid credit code. */
    public static String withCheckCharacter(String first17) {
        for (char check : CREDIT_CODE_CHARACTERS.toCharArray()) {
            if (CreditCode.isValid(first17 + check)) {
                return first17 + check;
            }
        }
        throw new IllegalStateException("no check character fits");
    }

    /** The same credit code with a check character that does not fit. */
    public static String withWrongCheckCharacter(String creditCode) {
        for (char check : CREDIT_CODE_CHARACTERS.toCharArray()) {
            String candidate = creditCode.substring(0, 17) + check;
            if (!CreditCode.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("every check character fits");
    }
}

package io.tongban.sandbox.seed;

/** GB 32100 unified social credit codes, with the GB 11714 organisation code inside them. */
public final class CreditCodes {

    /** The 31 characters of GB 32100: no I, O, S, V, Z. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    /**
     * Builds a code registered by market supervision (position 1 = 9).
     *
     * @param category 1 enterprise, 2 individual business, 3 farmers' cooperative
     * @param organisationBody the 8 body characters of the GB 11714 organisation code
     */
    public static String build(char category, String divisionCode, String organisationBody) {
        String organisationCode = organisationBody + organisationCheck(organisationBody);
        String first17 = "9" + category + divisionCode + organisationCode;
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code) == code.charAt(17);
    }

    /** GB 11714: letters count A=10 .. Z=35; check = 11 - (sum mod 11), 10 written X, 11 written 0. */
    static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}

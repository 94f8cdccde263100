package io.tongban.security.pki;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;

/** Unified social credit code (GB 32100): 17 characters plus a MOD 31 check character. */
public final class CreditCode {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw invalid("expected 17 characters before the check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw invalid("character '" + first17.charAt(i) + "' is not in the GB 32100 character set");
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Appends the check character to 17 characters. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        try {
            return checkCharacter(code.substring(0, 17)) == code.charAt(17);
        } catch (SecurityServiceException e) {
            return false;
        }
    }

    public static String requireValid(String code) {
        if (!isValid(code)) {
            throw invalid("'" + code + "' is not a valid unified social credit code");
        }
        return code;
    }

    private static SecurityServiceException invalid(String message) {
        return new SecurityServiceException(ErrorCode.INVALID_CREDIT_CODE, message);
    }
}

package io.tongban.sandbox;

/**
 * The GB 11643 and GB 32100 check algorithms written again from domain.md, independently of the
 * generator's code, so that a mistake in one is not confirmed by the other.
 */
final class IndependentChecks {

    private IndependentChecks() {
    }

    static boolean validIdentityNumber(String id) {
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return false;
        }
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.getNumericValue(id.charAt(i)) * w[i];
        }
        int check = Math.floorMod(12 - sum % 11, 11);
        return id.charAt(17) == "0123456789X".charAt(check);
    }

    static boolean validCreditCode(String code) {
        String set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        if (code == null || code.length() != 18 || !code.chars().allMatch(c -> set.indexOf(c) >= 0)) {
            return false;
        }
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += set.indexOf(code.charAt(i)) * w[i];
        }
        int check = 31 - sum % 31;
        return code.charAt(17) == set.charAt(check == 31 ? 0 : check);
    }
}

package io.tongban.routes.licences;

import io.tongban.security.pki.CreditCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifier of an e-licence in the GB/T 36904 form issuing systems write:
 * {@code 1.2.156.3005.2.<type code>.<issuer credit code>.<serial>.<version>.<check>}. The type code is the credit code
 * of the national authority that defines the licence type and a three-digit sequence; the serial is the issuer's
 * own; the check character is ISO/IEC 7064 MOD 37,36 over type code, issuer, serial and version written together.
 */
public record LicenceIdentifier(String typeCode, String issuerCreditCode, String serial, String version) {

    private static final String ARC = "1.2.156.3005.2.";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern FORM = Pattern.compile(Pattern.quote(ARC)
            + "([0-9A-Z]{18}[0-9]{3})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,32})\\.([0-9]{3})\\.([0-9A-Z])");

    public LicenceIdentifier {
        if (typeCode == null || !typeCode.matches("[0-9A-Z]{18}[0-9]{3}") || !CreditCode.isValid(typeCode.substring(0, 18))) {
            throw new IllegalArgumentException("the type code is a national authority's credit code and three digits");
        }
        if (issuerCreditCode == null || !CreditCode.isValid(issuerCreditCode)) {
            throw new IllegalArgumentException("the issuer is named by a valid unified social credit code");
        }
        if (serial == null || !serial.matches("[0-9A-Z]{1,32}")) {
            throw new IllegalArgumentException("the serial is 1 to 32 digits or capital letters");
        }
        if (version == null || !version.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("the version is three digits");
        }
    }

    /** Reads an identifier, refusing one of another form or whose check character does not match. */
    public static LicenceIdentifier parse(String text) {
        Matcher parts = FORM.matcher(text == null ? "" : text);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not of the form " + ARC
                    + "<type code>.<issuer credit code>.<serial>.<3-digit version>.<check>");
        }
        LicenceIdentifier identifier = new LicenceIdentifier(parts.group(1), parts.group(2), parts.group(3),
                parts.group(4));
        if (identifier.check() != parts.group(5).charAt(0)) {
            throw new IllegalArgumentException("the check character does not match (ISO/IEC 7064 MOD 37,36)");
        }
        return identifier;
    }

    /** The check character over type code, issuer, serial and version. */
    public char check() {
        return checkCharacter(typeCode + issuerCreditCode + serial + version);
    }

    @Override
    public String toString() {
        return ARC + typeCode + "." + issuerCreditCode + "." + serial + "." + version + "." + check();
    }

    /**
     * ISO/IEC 7064 MOD 37,36, the hybrid system over 0-9 A-Z: the character that makes the running product end at
     * 1, so that every single wrong character and nearly every swap of two neighbours is caught.
     */
    static char checkCharacter(String data) {
        int modulus = ALPHABET.length();
        int product = modulus;
        for (int i = 0; i < data.length(); i++) {
            int value = ALPHABET.indexOf(data.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a character of 0-9 A-Z: " + data.charAt(i));
            }
            int sum = (product + value) % modulus;
            product = (2 * (sum == 0 ? modulus : sum)) % (modulus + 1);
        }
        return ALPHABET.charAt((modulus + 1 - product) % modulus);
    }
}

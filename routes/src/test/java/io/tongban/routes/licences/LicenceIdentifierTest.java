package io.tongban.routes.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LicenceIdentifierTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final LicenceIdentifier BUSINESS_LICENCE = new LicenceIdentifier("11100000MB0000010Q001",
            "11440300MB00000237", "A1B2C3D4E5F60718", "001");

    @Test
    @DisplayName("An identifier is written in the GB/T 36904 form and read back, its check character recomputed")
    void roundTrip() {
        String written = BUSINESS_LICENCE.toString();

        assertThat(written).matches("1\\.2\\.156\\.3005\\.2\\.11100000MB0000010Q001\\.11440300MB00000237"
                + "\\.A1B2C3D4E5F60718\\.001\\.[0-9A-Z]");
        assertThat(LicenceIdentifier.parse(written)).isEqualTo(BUSINESS_LICENCE);
    }

    @Test
    @DisplayName("ISO/IEC 7064 MOD 37,36: the hybrid system's product ends at 1 over the data and its check character")
    void checkCharacterClosesTheProduct() {
        String data = "11100000MB0000010Q00111440300MB00000237A1B2C3D4E5F60718001";
        char check = LicenceIdentifier.checkCharacter(data);
        int product = 36;
        for (char c : data.toCharArray()) {
            int sum = (product + ALPHABET.indexOf(c)) % 36;
            product = (2 * (sum == 0 ? 36 : sum)) % 37;
        }

        assertThat((product + ALPHABET.indexOf(check)) % 36).isEqualTo(1);
    }

    @Test
    @DisplayName("Every single wrong character is caught, and all but a few swaps of two neighbours (the hybrid system's known blind spots)")
    void catchesSubstitutionsAndNearlyAllTranspositions() {
        String data = "11100000MB0000010Q00111440300MB00000237A1B2C3D4E5F60718001";
        char check = LicenceIdentifier.checkCharacter(data);
        for (int i = 0; i < data.length(); i++) {
            for (char other : ALPHABET.toCharArray()) {
                if (other != data.charAt(i)) {
                    String wrong = data.substring(0, i) + other + data.substring(i + 1);
                    assertThat(LicenceIdentifier.checkCharacter(wrong)).as(wrong).isNotEqualTo(check);
                }
            }
        }
        int swaps = 0;
        int missed = 0;
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                if (a != b) {
                    swaps++;
                    char before = LicenceIdentifier.checkCharacter("7" + a + b + "Q");
                    if (before == LicenceIdentifier.checkCharacter("7" + b + a + "Q")) {
                        missed++;
                    }
                }
            }
        }
        assertThat(missed).as("of %d swaps", swaps).isLessThanOrEqualTo(swaps / 100);
    }

    @Test
    @DisplayName("A wrong check character, another form, or an invalid credit code is refused with the reason")
    void refusesMalformed() {
        String written = BUSINESS_LICENCE.toString();
        char check = written.charAt(written.length() - 1);
        String wrongCheck = written.substring(0, written.length() - 1) + (check == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> LicenceIdentifier.parse(wrongCheck)).hasMessageContaining("check character");
        assertThatThrownBy(() -> LicenceIdentifier.parse("1.2.156.3005.2.X")).hasMessageContaining("form");
        assertThatThrownBy(() -> LicenceIdentifier.parse(null)).hasMessageContaining("form");
        assertThatThrownBy(() -> new LicenceIdentifier("11100000MB0000010Q001", "11440300MB00000238", "1", "001"))
                .hasMessageContaining("credit code");
        assertThatThrownBy(() -> new LicenceIdentifier("11100000MB0000010Q01", "11440300MB00000237", "1", "001"))
                .hasMessageContaining("type code");
    }
}

package io.tongban.mappings;

import io.tongban.mappings.InvalidIdentifierException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Computed here from the GB 32100 formula, independently of the class under test. */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    @DisplayName("credit codes of real registered companies are valid")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91350100M000100Y43", "91110000802100433B"})
    void realCodesAreValid(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    @DisplayName("a generated code is valid and exposes authority, category, division and organisation code")
    void generatedCodeIsDecoded() {
        CreditCode code = CreditCode.parse(withCheck("92440600MA4W00010"));
        assertThat(code.registeringAuthority()).isEqualTo("9");
        assertThat(code.category()).isEqualTo("2");
        assertThat(code.division()).isEqualTo("440600");
        assertThat(code.organisationCode()).isEqualTo("MA4W00010");
    }

    @Test
    @DisplayName("codes generated over many organisation codes all validate")
    void manyGeneratedCodesValidate() {
        for (int i = 0; i < 500; i++) {
            String organisation = String.format("MA%07d", i * 7919 % 10_000_000);
            String code = withCheck("91440300" + organisation);
            assertThat(CreditCode.parse(code).value()).isEqualTo(code);
        }
    }

    @Test
    @DisplayName("a wrong check character is rejected with the expected one named")
    void wrongCheckCharacter() {
        assertThatThrownBy(() -> CreditCode.parse("91440300708461136X"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_CHECK_CHARACTER);
                    assertThat(e.code()).isEqualTo("mapping.invalid_identifier");
                })
                .hasMessage("check character should be T, not X");
    }

    @DisplayName("the letters I, O, S, V and Z are not in the character set")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I", "O", "S", "V", "Z"})
    void forbiddenLettersAreRejected(String letter) {
        String code = "91440300MA5FT" + letter + "8T0X";
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER))
                .hasMessageContaining("position 14 has '" + letter + "'");
    }

    @DisplayName("a code of the wrong length is rejected")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "9144030071526726X", "9144030071526726XGG"})
    void wrongLength(String code) {
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
    }

    @Test
    @DisplayName("positions 3-8 must be a division code")
    void badDivision() {
        assertThatThrownBy(() -> CreditCode.parse(withCheck("9199AB00MA5FTE8T0")))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DIVISION));
    }

    @Test
    @DisplayName("lower case and surrounding spaces are tolerated")
    void lowerCaseIsNormalised() {
        assertThat(CreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }
}

package io.tongban.mappings;

import io.tongban.mappings.InvalidIdentifierException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityNumberTest {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** Computed here from the GB 11643 formula, independently of the class under test. */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    @DisplayName("published example numbers are valid")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void publishedExamplesAreValid(String number) {
        assertThat(IdentityNumber.isValid(number)).isTrue();
    }

    @Test
    @DisplayName("numbers generated with the formula are valid and expose birth date, gender and division")
    void generatedNumbersAreValidAndDecoded() {
        for (int sequence = 100; sequence < 200; sequence++) {
            String number = withCheck("44030419850315" + sequence);
            IdentityNumber parsed = IdentityNumber.parse(number);
            assertThat(parsed.value()).isEqualTo(number);
            assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
            assertThat(parsed.gender()).isEqualTo(sequence % 2 == 1 ? "1" : "2");
            assertThat(parsed.division()).isEqualTo("440304");
        }
    }

    @Test
    @DisplayName("a check character of X is accepted in lower case and normalised to upper case")
    void lowerCaseXIsNormalised() {
        assertThat(IdentityNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    @DisplayName("a wrong check character is rejected with the expected one named")
    void wrongCheckCharacterNamesExpectedOne() {
        String valid = withCheck("44030419850315123");
        char wrong = valid.charAt(17) == '5' ? '6' : '5';
        assertThatThrownBy(() -> IdentityNumber.parse(valid.substring(0, 17) + wrong))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_CHECK_CHARACTER);
                    assertThat(e.code()).isEqualTo("mapping.invalid_identifier");
                })
                .hasMessage("check character should be " + valid.charAt(17) + ", not " + wrong);
    }

    @DisplayName("a number of the wrong length is rejected")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "4403041985031512", "44030419850315123", "4403041985031512311"})
    void wrongLengthIsRejected(String number) {
        assertThatThrownBy(() -> IdentityNumber.parse(number))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH))
                .hasMessageContaining("must have 18 characters");
    }

    @Test
    @DisplayName("a missing number is rejected as wrong length, not with a NullPointerException")
    void nullIsRejected() {
        assertThatThrownBy(() -> IdentityNumber.parse(null))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
    }

    @DisplayName("a letter anywhere but a final X is an illegal character")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"44030419850315A231", "4403041985031512Y1", "44030419850315123Y"})
    void illegalCharactersAreRejected(String number) {
        assertThatThrownBy(() -> IdentityNumber.parse(number))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER))
                .hasMessageMatching("identity number position \\d+ must be a digit.*");
    }

    @DisplayName("a birth date that does not exist or lies in the future is rejected, even with a correct check character")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"19990231", "19851301", "29990101"})
    void impossibleBirthDateIsRejected(String date) {
        assertThatThrownBy(() -> IdentityNumber.parse(withCheck("440304" + date + "123")))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE))
                .hasMessageContaining(date);
    }

    @Test
    @DisplayName("a division whose province does not exist is rejected")
    void unknownProvinceIsRejected() {
        assertThatThrownBy(() -> IdentityNumber.parse(withCheck("99030419850315123")))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DIVISION));
    }

    @Test
    @DisplayName("an old 15-digit number converts to 18 digits by inserting 19 and appending the check character")
    void legacyNumberConvertsTo18() {
        IdentityNumber parsed = IdentityNumber.parse("130503670401001");
        assertThat(parsed.value()).isEqualTo(withCheck("13050319670401001")).isEqualTo("130503196704010016");
        assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1967, 4, 1));
        assertThat(parsed.gender()).isEqualTo("1");
        assertThat(parsed.legacy15()).contains("130503670401001");
        assertThat(parsed).isEqualTo(IdentityNumber.parse("130503196704010016"));
    }

    @Test
    @DisplayName("an old 15-digit number with a letter or an impossible date is rejected")
    void badLegacyNumbersAreRejected() {
        assertThatThrownBy(() -> IdentityNumber.parse("13050367040100X"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER));
        assertThatThrownBy(() -> IdentityNumber.parse("130503670231001"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE));
    }

    @Test
    @DisplayName("only people born in the 1900s have a 15-digit form")
    void legacyFormOnlyFor1900s() {
        assertThat(IdentityNumber.parse(withCheck("44030420050315123")).legacy15()).isEmpty();
        assertThat(IdentityNumber.parse("440524188001010014").legacy15()).isEmpty();
        assertThat(IdentityNumber.parse(withCheck("44030419850315123")).legacy15()).contains("440304850315123");
    }

    @Test
    @DisplayName("surrounding spaces and full-width digits are tolerated")
    void fullWidthAndSpacesAreTolerated() {
        assertThat(IdentityNumber.parse(" １１０１０５１９４９１２３１００２Ｘ ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    @DisplayName("masking keeps only the first 6 and the last 2 characters, also in toString")
    void maskHidesTheMiddle() {
        assertThat(IdentityNumber.mask("11010519491231002X")).isEqualTo("110105**********2X");
        assertThat(IdentityNumber.parse("11010519491231002X")).hasToString("110105**********2X");
        assertThat(IdentityNumber.mask("12345")).isEqualTo("*****");
        assertThat(IdentityNumber.mask(null)).isNull();
    }
}

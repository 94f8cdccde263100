package io.tongban.security.pki;

import io.tongban.security.SecurityServiceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    @Test
    @DisplayName("the GB 32100 check character is computed with weights 3^i mod 31 over the 31-character set")
    void computesCheckCharacter() {
        // worked by hand: 9,1,4,4,0,3,0,0,M(21),A(10),5,F(15),X(28),X,X,X,7 with the GB 32100 weights
        // gives 3548; 3548 mod 31 = 14; 31 - 14 = 17 -> 'H'
        assertThat(CreditCode.checkCharacter("91440300MA5FXXXX7")).isEqualTo('H');
        assertThat(CreditCode.isValid("91440300MA5FXXXX7H")).isTrue();
        assertThat(CreditCode.isValid("91440300MA5FXXXX7Q")).isFalse();
    }

    @Test
    @DisplayName("every demo department carries a valid credit code")
    void demoDepartmentsHaveValidCodes() {
        assertThat(Department.demoDepartments()).allSatisfy(d -> assertThat(CreditCode.isValid(d.creditCode())).isTrue());
    }

    @Test
    @DisplayName("letters outside the GB 32100 set (I, O, S, V, Z) are refused with security.invalid_credit_code")
    void refusesCharactersOutsideSet() {
        assertThatThrownBy(() -> CreditCode.checkCharacter("91440300MA5FXXXI7"))
                .isInstanceOf(SecurityServiceException.class)
                .hasMessageStartingWith("security.invalid_credit_code");
        assertThat(CreditCode.isValid("91440300MA5FXXXO7H")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }
}

package io.tongban.sandbox.socialsecurity;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.Verdict;
import io.tongban.sandbox.seed.SocialInsurance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SocialSecurityRulesTest {

    @Test
    @DisplayName("insurance registration finds a record held under the old 15-digit number from the 18-digit one")
    void looksUpTheFifteenDigitForm() {
        String id18 = "430102195908175929";
        SocialInsurance terminated = new SocialInsurance("430102590817592", id18, "测试", "3", List.of(),
                "914403077358L88227", "单位", "地址", 0L);
        SocialSecurityRules rules = new SocialSecurityRules(Map.of(terminated.heldUnder(), terminated), Clock.systemUTC());
        Verdict verdict = rules.decide(new Application("a", "insurance-registration", Map.of("SFZHM", id18)));
        assertThat(verdict.approved()).isFalse();
        assertThat(verdict.reasons().get(0).code()).isEqualTo("INSURANCE_TERMINATED");
        Verdict unknown = rules.decide(new Application("b", "insurance-registration", Map.of("SFZHM", "11010519491231002X")));
        assertThat(unknown.approved()).isTrue();
        assertThat(unknown.results()).containsKey("SBBH");
    }
}

package io.tongban.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Decision records in a department's words")
class DecisionDialectTest {

    private static final DecisionDialect MARKET = new DecisionDialect("TG", "BTG", Map.of("TYSHXYDM", "creditCode"));

    @Test
    @DisplayName("an approval names its results by canonical name; a rejection its reasons with their basis")
    void readsApprovalsAndRejections() {
        DepartmentDecision approved = MARKET.decision("market-supervision", record("TG", Map.of("TYSHXYDM", "91440300MA5ABCDE1X")));
        DepartmentDecision rejected = MARKET.decision("market-supervision", record("BTG",
                Map.of("YY", List.of(Map.of("DM", "NAME_TAKEN", "SM", "名称已被登记", "YJ", "《企业名称登记管理规定》")))));

        assertThat(approved.outcome()).isEqualTo(DepartmentDecision.Outcome.APPROVED);
        assertThat(approved.results()).containsEntry("creditCode", "91440300MA5ABCDE1X");
        assertThat(approved.position()).isEqualTo(7);
        assertThat(rejected.outcome()).isEqualTo(DepartmentDecision.Outcome.REJECTED);
        assertThat(rejected.reasons()).containsExactly(
                new DepartmentDecision.Reason("NAME_TAKEN", "名称已被登记", "《企业名称登记管理规定》"));
    }

    @Test
    @DisplayName("a single reason, as XML gives it, reads like a list of one")
    void singleReasonAsObject() {
        DepartmentDecision rejected = MARKET.decision("tax", record("BTG", Map.of("YY", Map.of("DM", "X", "SM", "y", "YJ", "z"))));

        assertThat(rejected.reasons()).hasSize(1);
    }

    @Test
    @DisplayName("an unknown outcome, a missing application number, an unreadable sequence or time is the department's error")
    void refusesWhatIsNoDecision() {
        assertThatThrownBy(() -> MARKET.decision("m", record("MAYBE", Map.of()))).isInstanceOf(DepartmentException.class);
        Map<String, Object> noApplication = record("TG", Map.of());
        noApplication.remove("SQBH");
        assertThatThrownBy(() -> MARKET.decision("m", noApplication)).isInstanceOf(DepartmentException.class);
        assertThatThrownBy(() -> MARKET.decision("m", record("TG", Map.of("XH", "seven"))))
                .isInstanceOf(DepartmentException.class);
        assertThatThrownBy(() -> MARKET.decision("m", record("TG", Map.of("BJSJ", "yesterday"))))
                .isInstanceOf(DepartmentException.class);
    }

    private static Map<String, Object> record(String outcome, Map<String, Object> extra) {
        Map<String, Object> record = new HashMap<>(Map.of("XH", "7", "SQBH", "s-1", "SLBH", "r-1", "JG", outcome,
                "BJSJ", "2026-12-02T10:00:00+08:00"));
        record.putAll(extra);
        return record;
    }
}

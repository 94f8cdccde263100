package io.tongban.sandbox.socialsecurity;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.Verdict;
import io.tongban.sandbox.seed.SocialInsurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * How social security decides: insurance registration (参保登记) is refused to a person whose insurance is
 * terminated (cbzt 3) and otherwise issues a new social insurance number; a company's unit registration
 * (company establishment) is approved.
 */
final class SocialSecurityRules implements DecisionDesk.Rule {

    static final String INSURANCE_REGISTRATION = "insurance-registration";
    static final String COMPANY_ESTABLISHMENT = "company-establishment";

    private final Map<String, SocialInsurance> records;
    private final Clock clock;
    /** Only the desk's decision thread counts. */
    private int issued;

    /** @param records the records as they stand, change events included */
    SocialSecurityRules(Map<String, SocialInsurance> records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Verdict decide(Application application) {
        return switch (application.matter()) {
            case COMPANY_ESTABLISHMENT -> Verdict.approve(Map.of());
            case INSURANCE_REGISTRATION -> registration(application.field("SFZHM").trim());
            default -> Verdict.matterNotHandled(application.matter());
        };
    }

    private Verdict registration(String identityNumber) {
        SocialInsurance record = recordOf(identityNumber);
        if (record != null && record.status().equals("3")) {
            return Verdict.reject("INSURANCE_TERMINATED", "申请人参保状态为终止参保", "《中华人民共和国社会保险法》");
        }
        issued++;
        return Verdict.approve(Map.of("SBBH", "SB" + LocalDate.now(clock).getYear() + String.format("%08d", issued)));
    }

    /** Old records are filed under the 15-digit number only (case (e)), so look there too. */
    private SocialInsurance recordOf(String identityNumber) {
        SocialInsurance record = records.get(identityNumber);
        if (record == null && identityNumber.matches("\\d{6}19\\d{9}[\\dX]")) {
            record = records.get(identityNumber.substring(0, 6) + identityNumber.substring(8, 17));
        }
        return record;
    }
}

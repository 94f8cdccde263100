package io.tongban.sandbox.publicsecurity;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.Verdict;
import io.tongban.sandbox.seed.Person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * How public security decides a residence permit (居住证): only for a person on record whose household
 * registration is active (RYZT 0); the approval issues a new permit number.
 */
final class PublicSecurityRules implements DecisionDesk.Rule {

    static final String RESIDENCE_PERMIT = "residence-permit";
    private static final String PERMIT_REGULATION = "《居住证暂行条例》第二条";

    private final Map<String, Person> persons;
    private final Clock clock;
    /** Only the desk's decision thread counts. */
    private int issued;

    PublicSecurityRules(Map<String, Person> persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public Verdict decide(Application application) {
        if (!application.matter().equals(RESIDENCE_PERMIT)) {
            return Verdict.matterNotHandled(application.matter());
        }
        Person person = persons.get(application.field("GMSFHM").trim());
        if (person == null) {
            return Verdict.reject("PERSON_UNKNOWN", "无此公民身份号码的人口信息", PERMIT_REGULATION);
        }
        return switch (person.status()) {
            case "1" -> Verdict.reject("APPLICANT_DECEASED", "申请人已死亡", PERMIT_REGULATION);
            case "2", "3" -> Verdict.reject("HOUSEHOLD_NOT_ACTIVE", "申请人户口已迁出或注销", PERMIT_REGULATION);
            default -> Verdict.approve(Map.of("ZZBH", nextPermitNumber()));
        };
    }

    /** JZZ, the year, a running number: unique within this sandbox. */
    private String nextPermitNumber() {
        issued++;
        return "JZZ" + LocalDate.now(clock).getYear() + String.format("%08d", issued);
    }
}

package io.tongban.routes;

import io.tongban.sandbox.seed.DeliberateCases;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.Seed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hands each test its own seed subjects, ordinary ones (no deliberate disagreement), so that tests sharing one
 * shared base never see each other's cached records.
 */
public final class SeedSubjects {

    private static final Set<String> TAKEN = new HashSet<>();

    private SeedSubjects() {
    }

    /** A living person whom public security, social security (under the 18-digit number) and tax all hold. */
    public static synchronized Person personInEverySource() {
        Seed seed = TestSandbox.get().seed();
        return seed.persons().stream()
                .filter(p -> "0".equals(p.status()))
                .filter(p -> seed.taxpayer(p.identityNumber()).isPresent())
                .filter(p -> seed.socialInsurance(p.identityNumber()).isPresent())
                .filter(p -> take(p.identityNumber()))
                .findFirst().orElseThrow();
    }

    /** A company that market supervision and tax both hold, with no deliberate disagreement. */
    static synchronized Enterprise companyInEverySource() {
        Seed seed = TestSandbox.get().seed();
        return seed.enterprises().stream()
                .filter(e -> seed.taxpayer(e.creditCode()).isPresent())
                .filter(e -> take(e.creditCode()))
                .findFirst().orElseThrow();
    }

    private static boolean take(String id) {
        DeliberateCases cases = TestSandbox.get().seed().cases();
        boolean deliberate = Stream.of(cases.addressDisagreements(), cases.fullWidthSpaceInSocialSecurity(),
                        cases.fullWidthSpaceInTax(), cases.deceasedStillPaying(), cases.deregisteredStillNormalInTax(),
                        cases.heldUnderOldNumber(), List.of(TestSandbox.get().seed().demoPerson().identityNumber(),
                                TestSandbox.get().seed().demoCompany().creditCode()))
                .flatMap(List::stream).anyMatch(id::equals);
        return !deliberate && TAKEN.add(id);
    }
}

package io.tongban.sandbox;

import io.tongban.sandbox.seed.CreditCodes;
import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.IdentityNumbers;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.Seed;
import io.tongban.sandbox.seed.SocialInsurance;
import io.tongban.sandbox.seed.Taxpayer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class SeedTest {

    private static final Seed SEED = Seed.generate(20261124L, 2000, 500);
    private static final Set<String> REAL_DIVISIONS = Set.of("440303", "440304", "440305", "440306", "440307",
            "440604", "440605", "440606", "441900", "440106", "110101", "110105", "310104", "310115", "430102",
            "450103", "510104", "360102");

    @Test
    @DisplayName("the independent checkers accept the standards' published examples and reject a wrong check character")
    void checkersAgreeWithPublishedExamples() {
        assertThat(IndependentChecks.validIdentityNumber("11010519491231002X")).isTrue();
        assertThat(IndependentChecks.validIdentityNumber("110105194912310021")).isFalse();
        assertThat(IdentityNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdentityNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IndependentChecks.validCreditCode("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    @DisplayName("every person has a valid GB 11643 number: real division, birth 1940-2006, sequence parity = gender")
    void everyIdentityNumberIsValid() {
        assertThat(SEED.persons()).hasSizeGreaterThanOrEqualTo(2000);
        for (Person p : SEED.persons()) {
            String id = p.identityNumber();
            assertThat(IndependentChecks.validIdentityNumber(id)).as(id).isTrue();
            assertThat(REAL_DIVISIONS).contains(id.substring(0, 6), p.addressDivision());
            assertThat(p.birthDate()).isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2006, 12, 31));
            assertThat(id.substring(6, 14)).isEqualTo(p.birthDate().toString().replace("-", ""));
            int sequence = Integer.parseInt(id.substring(14, 17));
            assertThat(p.genderCode()).isEqualTo(sequence % 2 == 1 ? "1" : "2");
            assertThat(p.name()).matches("\\p{IsHan}{2,4}");
        }
        assertThat(SEED.persons().stream().map(Person::identityNumber).distinct()).hasSize(SEED.persons().size());
    }

    @Test
    @DisplayName("every entity has a valid GB 32100 credit code, a seed person as legal representative, a 4-decimal capital")
    void everyCreditCodeIsValid() {
        assertThat(SEED.enterprises()).hasSizeGreaterThanOrEqualTo(500);
        for (Enterprise e : SEED.enterprises()) {
            assertThat(IndependentChecks.validCreditCode(e.creditCode())).as(e.creditCode()).isTrue();
            assertThat(e.creditCode()).startsWith("9");
            assertThat(REAL_DIVISIONS).contains(e.creditCode().substring(2, 8));
            assertThat(SEED.person(e.legalRepresentativeId())).get().extracting(Person::name)
                    .isEqualTo(e.legalRepresentative());
            assertThat(e.registeredCapital().scale()).isEqualTo(4);
            assertThat(e.status()).isIn("存续", "在业", "吊销", "注销", "迁出");
        }
        assertThat(SEED.enterprises().stream().map(Enterprise::name).distinct()).hasSize(SEED.enterprises().size());
    }

    @Test
    @DisplayName("coverage: ~85% of persons in social security, ~40% taxpayers, ~95% of entities in tax; employers are seed entities")
    void coverageMatchesTheLineSystems() {
        long persons = SEED.persons().size();
        long personTaxpayers = SEED.taxpayers().stream().filter(t -> t.taxpayerId().length() == 18
                && Character.isDigit(t.taxpayerId().charAt(0)) && SEED.person(t.taxpayerId()).isPresent()).count();
        long entityTaxpayers = SEED.taxpayers().size() - personTaxpayers;
        assertThat((double) SEED.socialInsurances().size() / persons).isBetween(0.80, 0.90);
        assertThat((double) personTaxpayers / persons).isBetween(0.35, 0.45);
        assertThat((double) entityTaxpayers / SEED.enterprises().size()).isBetween(0.90, 0.99);
        for (SocialInsurance s : SEED.socialInsurances()) {
            assertThat(SEED.enterprise(s.employerCreditCode())).get().extracting(Enterprise::name).isEqualTo(s.employerName());
            assertThat(s.insurances()).extracting(SocialInsurance.Insurance::type).contains("110");
        }
    }

    @Test
    @DisplayName("the same seed gives the same data; another seed gives other data")
    void generationIsDeterministic() {
        Seed again = Seed.generate(20261124L, 2000, 500);
        assertThat(again.persons()).isEqualTo(SEED.persons());
        assertThat(again.enterprises()).isEqualTo(SEED.enterprises());
        assertThat(again.taxpayers()).isEqualTo(SEED.taxpayers());
        assertThat(again.socialInsurances()).isEqualTo(SEED.socialInsurances());
        assertThat(again.cases()).isEqualTo(SEED.cases());
        assertThat(Seed.generate(1L, 2000, 500).persons()).isNotEqualTo(SEED.persons());
    }

    @Test
    @DisplayName("the default seed still gives the subjects the README documents")
    void defaultSeedMatchesTheReadme() {
        assertThat(SEED.demoPerson().identityNumber()).isEqualTo("440305198304261274");
        assertThat(SEED.demoCompany().creditCode()).isEqualTo("914403077358L88227");
        assertThat(SEED.cases().addressDisagreement()).isEqualTo("510104199111248677");
        assertThat(SEED.cases().deregisteredButNormalInTax()).isEqualTo("914419006U8342809M");
        assertThat(SEED.cases().oldIdentityNumber()).isEqualTo("430102195908175929");
    }

    @Test
    @DisplayName("the demo person is alive, paying and a taxpayer; the demo company is in existence, normal in tax")
    void demoSubjectsAreInEverySystem() {
        Person demo = SEED.demoPerson();
        assertThat(demo.status()).isEqualTo("0");
        assertThat(SEED.socialInsurance(demo.identityNumber())).get().extracting(SocialInsurance::status).isEqualTo("1");
        assertThat(SEED.taxpayer(demo.identityNumber())).get().extracting(Taxpayer::name).isEqualTo(demo.name());
        Enterprise company = SEED.demoCompany();
        assertThat(company.status()).isEqualTo("存续");
        assertThat(company.legalRepresentativeId()).isEqualTo(demo.identityNumber());
        assertThat(SEED.taxpayer(company.creditCode())).get().extracting(Taxpayer::status).isEqualTo("03");
        for (Person p : SEED.persons().subList(0, 5)) {
            assertThat(SEED.socialInsurance(p.identityNumber())).isPresent();
            assertThat(SEED.taxpayer(p.identityNumber())).isPresent();
        }
    }

    @Test
    @DisplayName("case (a): the registered address in public security differs from the contact address in social security")
    void addressDisagreementIsPresent() {
        assertCases(SEED.cases().addressDisagreements(), id -> !SEED.person(id).orElseThrow().address()
                .equals(SEED.socialInsurance(id).orElseThrow().contactAddress()));
        long disagreeing = SEED.socialInsurances().stream()
                .filter(s -> !s.contactAddress().equals(SEED.person(s.identityNumber()).orElseThrow().address())).count();
        assertThat(disagreeing).as("only the deliberate cases disagree").isEqualTo(5);
    }

    @Test
    @DisplayName("case (b): the name carries a full-width space (U+3000) in social security xm and in tax NSRMC")
    void fullWidthSpaceNamesArePresent() {
        assertCases(SEED.cases().fullWidthSpaceInSocialSecurity(), id -> {
            String xm = SEED.socialInsurance(id).orElseThrow().name();
            return xm.contains("\u3000") && xm.replace("\u3000", "").equals(SEED.person(id).orElseThrow().name());
        });
        assertCases(SEED.cases().fullWidthSpaceInTax(), id -> {
            String nsrmc = SEED.taxpayer(id).orElseThrow().name();
            return nsrmc.contains("\u3000") && nsrmc.replace("\u3000", "").equals(SEED.person(id).orElseThrow().name());
        });
    }

    @Test
    @DisplayName("case (c): deceased in public security (RYZT 1), still paying in social security (cbzt 1)")
    void deceasedStillPayingIsPresent() {
        assertCases(SEED.cases().deceasedStillPaying(), id -> SEED.person(id).orElseThrow().status().equals("1")
                && SEED.socialInsurance(id).orElseThrow().status().equals("1"));
    }

    @Test
    @DisplayName("case (d): deregistered (注销) in market supervision, normal (NSRZT 03) in tax")
    void deregisteredStillNormalIsPresent() {
        assertCases(SEED.cases().deregisteredStillNormalInTax(), code -> SEED.enterprise(code).orElseThrow().status()
                .equals("注销") && SEED.taxpayer(code).orElseThrow().status().equals("03"));
    }

    @Test
    @DisplayName("case (e): born before 1980, held by social security only under the old 15-digit number")
    void oldFifteenDigitNumbersArePresent() {
        assertCases(SEED.cases().heldUnderOldNumber(), id -> {
            String old = id.substring(0, 6) + id.substring(8, 17);
            return SEED.person(id).orElseThrow().birthDate().getYear() < 1980
                    && SEED.socialInsurance(id).isEmpty()
                    && SEED.socialInsurance(old).map(SocialInsurance::identityNumber).orElse("").equals(id);
        });
    }

    private static void assertCases(List<String> subjects, Predicate<String> holds) {
        assertThat(subjects).hasSizeBetween(3, 8).doesNotHaveDuplicates().allMatch(holds);
    }
}

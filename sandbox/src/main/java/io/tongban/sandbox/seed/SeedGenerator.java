package io.tongban.sandbox.seed;

import io.tongban.sandbox.seed.Vocabulary.Division;
import io.tongban.sandbox.seed.Vocabulary.Trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Draws the seed from one seeded {@link Random}: the same seed gives the same data on every
 * JVM, because every draw happens in a fixed order.
 */
final class SeedGenerator {

    /** The first persons and companies are consistent everywhere: good demo subjects. */
    private static final int DEMO_SUBJECTS = 5;
    private static final int CASES_PER_KIND = 5;
    private static final char FULL_WIDTH_SPACE = '\u3000';
    private static final LocalDate LATEST_REGISTRATION = LocalDate.of(2025, 6, 30);
    private static final long UPDATES_START_MILLIS =
            LocalDate.of(2025, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();

    private final Random random;

    SeedGenerator(long seed) {
        this.random = new Random(seed);
    }

    Seed generate(int personCount, int enterpriseCount) {
        if (personCount < 100 || enterpriseCount < 20) {
            throw new IllegalArgumentException(
                    "sandbox.seed_too_small: need at least 100 persons and 20 entities for the deliberate cases");
        }
        List<Person> persons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < personCount; i++) {
            persons.add(person(i < DEMO_SUBJECTS, ids));
        }
        boolean[] inSocial = new boolean[personCount];
        boolean[] inTax = new boolean[personCount];
        for (int i = 0; i < personCount; i++) {
            inSocial[i] = i < DEMO_SUBJECTS || random.nextDouble() < 0.85;
            inTax[i] = i < DEMO_SUBJECTS || random.nextDouble() < 0.40;
        }

        CasePicker personCases = new CasePicker(personCount);
        List<Integer> oldNumber = personCases.pick(i -> inSocial[i] && isNormal(persons.get(i))
                && persons.get(i).birthDate().getYear() < 1980);
        List<Integer> addressCase = personCases.pick(i -> inSocial[i] && isNormal(persons.get(i)));
        List<Integer> fullWidthSocial = personCases.pick(i -> inSocial[i] && isNormal(persons.get(i)));
        List<Integer> fullWidthTax = personCases.pick(i -> inTax[i] && isNormal(persons.get(i)));
        List<Integer> deceasedPaying = personCases.pick(i -> inSocial[i]);
        for (int i : deceasedPaying) {
            Person p = persons.get(i);
            persons.set(i, new Person(p.identityNumber(), p.name(), p.genderCode(), p.ethnicityCode(),
                    p.birthDate(), p.address(), p.addressDivision(), "1"));
        }

        List<Person> representatives = IntStream.range(DEMO_SUBJECTS, personCount)
                .filter(i -> !personCases.used(i) && isNormal(persons.get(i))
                        && persons.get(i).birthDate().getYear() <= 1995)
                .mapToObj(persons::get).toList();
        List<Enterprise> enterprises = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int j = 0; j < enterpriseCount; j++) {
            Person representative = j == 0 ? persons.get(0) : pickFrom(representatives);
            enterprises.add(enterprise(j < DEMO_SUBJECTS, representative, codes, names));
        }
        boolean[] enterpriseInTax = new boolean[enterpriseCount];
        for (int j = 0; j < enterpriseCount; j++) {
            enterpriseInTax[j] = j < DEMO_SUBJECTS || random.nextDouble() < 0.95;
        }
        CasePicker enterpriseCases = new CasePicker(enterpriseCount);
        List<Integer> deregisteredNormal = enterpriseCases.pick(j -> enterpriseInTax[j]);
        for (int j : deregisteredNormal) {
            enterprises.set(j, enterprises.get(j).withStatus("注销"));
        }

        List<Taxpayer> taxpayers = new ArrayList<>();
        for (int j = 0; j < enterpriseCount; j++) {
            if (enterpriseInTax[j]) {
                taxpayers.add(companyTaxpayer(enterprises.get(j), j < DEMO_SUBJECTS, deregisteredNormal.contains(j)));
            }
        }
        for (int i = 0; i < personCount; i++) {
            if (inTax[i]) {
                taxpayers.add(personTaxpayer(persons.get(i), i < DEMO_SUBJECTS, fullWidthTax.contains(i)));
            }
        }

        List<Enterprise> employers = enterprises.stream()
                .filter(e -> e.status().equals("存续") || e.status().equals("在业"))
                .filter(e -> e.creditCode().charAt(1) == '1')
                .toList();
        List<SocialInsurance> social = new ArrayList<>();
        for (int i = 0; i < personCount; i++) {
            if (inSocial[i]) {
                Person p = persons.get(i);
                Enterprise employer = i < DEMO_SUBJECTS ? enterprises.get(0) : pickFrom(employers);
                social.add(socialInsurance(p, employer, i < DEMO_SUBJECTS, oldNumber.contains(i),
                        addressCase.contains(i), fullWidthSocial.contains(i), deceasedPaying.contains(i)));
            }
        }

        DeliberateCases cases = new DeliberateCases(ids(persons, addressCase), ids(persons, fullWidthSocial),
                ids(persons, fullWidthTax), ids(persons, deceasedPaying),
                deregisteredNormal.stream().map(j -> enterprises.get(j).creditCode()).toList(),
                ids(persons, oldNumber));
        return new Seed(persons, enterprises, taxpayers, social, cases);
    }

    private static List<String> ids(List<Person> persons, List<Integer> indexes) {
        return indexes.stream().map(i -> persons.get(i).identityNumber()).toList();
    }

    private static boolean isNormal(Person person) {
        return person.status().equals("0");
    }

    /** Picks disjoint subjects for the deliberate cases, away from the demo subjects. */
    private final class CasePicker {
        private final List<Integer> order;
        private final Set<Integer> taken = new HashSet<>();

        CasePicker(int size) {
            order = new ArrayList<>(IntStream.range(2 * DEMO_SUBJECTS, size).boxed().toList());
            Collections.shuffle(order, random);
        }

        List<Integer> pick(IntPredicate eligible) {
            List<Integer> picked = new ArrayList<>();
            for (int index : order) {
                if (picked.size() == CASES_PER_KIND) {
                    break;
                }
                if (!taken.contains(index) && eligible.test(index)) {
                    picked.add(index);
                }
            }
            taken.addAll(picked);
            return List.copyOf(picked);
        }

        boolean used(int index) {
            return taken.contains(index);
        }
    }

    private Person person(boolean demo, Set<String> ids) {
        boolean male = random.nextBoolean();
        LocalDate birth = demo ? dateBetween(LocalDate.of(1975, 1, 1), LocalDate.of(1995, 12, 31))
                : dateBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2006, 12, 31));
        Division birthplace = pickFrom(Vocabulary.DIVISIONS);
        String id;
        do {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            id = IdentityNumbers.build(birthplace.code(), birth, sequence);
        } while (!ids.add(id));
        String name = pickFrom(Vocabulary.SURNAMES) + givenName(male);
        String ethnicity = random.nextDouble() < 0.92 ? "01" : pickFrom(Vocabulary.MINORITY_ETHNICITIES);
        Division home = random.nextDouble() < 0.6 ? birthplace : pickFrom(Vocabulary.HOME_DIVISIONS);
        String status = demo ? "0" : personStatus();
        return new Person(id, name, male ? "1" : "2", ethnicity, birth, homeAddress(home), home.code(), status);
    }

    private String givenName(boolean male) {
        List<String> chars = male ? Vocabulary.MALE_GIVEN : Vocabulary.FEMALE_GIVEN;
        return random.nextDouble() < 0.4 ? pickFrom(chars) : pickFrom(chars) + pickFrom(chars);
    }

    private String personStatus() {
        double r = random.nextDouble();
        return r < 0.03 ? "1" : r < 0.04 ? "2" : r < 0.045 ? "3" : "0";
    }

    private String homeAddress(Division division) {
        return division.addressPrefix() + pickFrom(Vocabulary.STREETS) + (1 + random.nextInt(300)) + "号"
                + pickFrom(Vocabulary.ESTATES) + (1 + random.nextInt(20)) + "栋"
                + (1 + random.nextInt(30)) + "0" + (1 + random.nextInt(6)) + "室";
    }

    private Enterprise enterprise(boolean demo, Person representative, Set<String> codes, Set<String> names) {
        double kind = random.nextDouble();
        char category = demo || kind < 0.85 ? '1' : kind < 0.95 ? '2' : '3';
        Division division = random.nextDouble() < 0.8 ? pickFrom(Vocabulary.HOME_DIVISIONS)
                : pickFrom(Vocabulary.DIVISIONS);
        String code;
        do {
            code = CreditCodes.build(category, division.code(), organisationBody());
        } while (!codes.add(code));
        Trade trade = pickFrom(Vocabulary.TRADES);
        String type;
        String name;
        String scope;
        do {
            switch (category) {
                case '1' -> {
                    type = pickFrom(Vocabulary.COMPANY_TYPES);
                    name = division.cityShort() + pickFrom(Vocabulary.TRADE_NAMES) + trade.word()
                            + (type.startsWith("股份") ? "股份有限公司" : "有限公司");
                    scope = trade.scope();
                }
                case '2' -> {
                    type = "个体工商户";
                    String shop = pickFrom(Vocabulary.SHOPS);
                    name = division.cityName() + division.district() + pickFrom(Vocabulary.TRADE_NAMES) + shop;
                    scope = "日用百货零售；" + shop + "经营";
                }
                default -> {
                    type = "农民专业合作社";
                    String crop = pickFrom(Vocabulary.CROPS);
                    name = division.cityShort() + pickFrom(Vocabulary.TRADE_NAMES) + crop + "专业合作社";
                    scope = crop + "；组织收购、销售成员的产品；提供技术培训, 技术交流";
                }
            }
        } while (!names.add(name));
        LocalDate established = dateBetween(LocalDate.of(1995, 1, 1), LocalDate.of(2024, 12, 31));
        String status = demo ? "存续" : enterpriseStatus();
        return new Enterprise(code, name, type, representative.name(), representative.identityNumber(),
                capital(category), established, status, businessAddress(division), scope,
                division.cityName() + "市场监督管理局");
    }

    /** Eight GB 11714 body characters, mostly digits as most real organisation codes are. */
    private String organisationBody() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            body.append(random.nextDouble() < 0.85 ? (char) ('0' + random.nextInt(10))
                    : CreditCodes.CHARSET.charAt(10 + random.nextInt(CreditCodes.CHARSET.length() - 10)));
        }
        return body.toString();
    }

    private String enterpriseStatus() {
        double r = random.nextDouble();
        return r < 0.60 ? "存续" : r < 0.85 ? "在业" : r < 0.90 ? "吊销" : r < 0.97 ? "注销" : "迁出";
    }

    private BigDecimal capital(char category) {
        int[] steps = category == '2' ? new int[] {1, 3, 5, 10} : new int[] {10, 30, 50, 100, 200, 500, 1000, 5000};
        BigDecimal base = BigDecimal.valueOf(steps[random.nextInt(steps.length)]);
        if (random.nextDouble() < 0.2) {
            base = base.add(BigDecimal.valueOf(random.nextInt(10_000), 4));
        }
        return base.setScale(4, RoundingMode.UNNECESSARY);
    }

    private String businessAddress(Division division) {
        return division.addressPrefix() + pickFrom(Vocabulary.STREETS) + (1 + random.nextInt(300)) + "号"
                + pickFrom(Vocabulary.TRADE_NAMES) + "大厦" + (1 + random.nextInt(30)) + "楼";
    }

    private Taxpayer companyTaxpayer(Enterprise enterprise, boolean demo, boolean stillNormal) {
        String status = demo || stillNormal ? "03" : switch (enterprise.status()) {
            case "吊销" -> "09";
            case "注销", "迁出" -> "07";
            default -> {
                double r = random.nextDouble();
                yield r < 0.9 ? "03" : r < 0.95 ? "05" : "09";
            }
        };
        String grade = demo ? "A" : creditGrade();
        String arrears = !demo && random.nextDouble() < 0.08 ? "Y" : "N";
        LocalDate registered = enterprise.establishedOn().plusDays(random.nextInt(31));
        Division division = divisionOf(enterprise.creditCode().substring(2, 8));
        return new Taxpayer(enterprise.creditCode(), enterprise.name(), status, grade, arrears, registered,
                taxOffice(division));
    }

    private Taxpayer personTaxpayer(Person person, boolean demo, boolean fullWidthName) {
        String status = person.status().equals("1") ? "07" : "03";
        String grade = demo ? "B" : creditGrade();
        String arrears = !demo && random.nextDouble() < 0.05 ? "Y" : "N";
        LocalDate adult = person.birthDate().plusYears(18);
        LocalDate from = adult.isAfter(LocalDate.of(2000, 1, 1)) ? adult : LocalDate.of(2000, 1, 1);
        LocalDate registered = dateBetween(from, LATEST_REGISTRATION);
        String name = fullWidthName ? withFullWidthSpace(person.name()) : person.name();
        return new Taxpayer(person.identityNumber(), name, status, grade, arrears, registered,
                taxOffice(divisionOf(person.addressDivision())));
    }

    private String creditGrade() {
        double r = random.nextDouble();
        return r < 0.20 ? "A" : r < 0.65 ? "B" : r < 0.80 ? "M" : r < 0.92 ? "C" : "D";
    }

    private static String taxOffice(Division division) {
        return "国家税务总局" + division.cityName() + division.district() + "税务局";
    }

    private static Division divisionOf(String code) {
        return Vocabulary.DIVISIONS.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private SocialInsurance socialInsurance(Person person, Enterprise employer, boolean demo, boolean oldNumber,
                                            boolean otherAddress, boolean fullWidthName, boolean deceasedPaying) {
        String status;
        if (demo || deceasedPaying) {
            status = "1";
        } else if (person.status().equals("1")) {
            status = "3";
        } else {
            double r = random.nextDouble();
            status = r < 0.75 ? "1" : r < 0.90 ? "2" : "3";
        }
        int workingMonths = (int) Math.max(1, Math.min(480,
                ChronoUnit.MONTHS.between(person.birthDate().plusYears(18), LATEST_REGISTRATION)));
        int pensionMonths = 1 + random.nextInt(workingMonths);
        List<SocialInsurance.Insurance> insurances = new ArrayList<>();
        insurances.add(new SocialInsurance.Insurance("110", status, pensionMonths));
        for (String type : List.of("210", "310", "410", "510")) {
            if (type.equals("310") || random.nextDouble() < 0.8) {
                insurances.add(new SocialInsurance.Insurance(type, status,
                        Math.max(1, pensionMonths - random.nextInt(pensionMonths / 4 + 1))));
            }
        }
        String heldUnder = oldNumber ? IdentityNumbers.toFifteenDigits(person.identityNumber()) : person.identityNumber();
        String name = fullWidthName ? withFullWidthSpace(person.name()) : person.name();
        String contact = otherAddress ? homeAddress(otherDivision(person.addressDivision())) : person.address();
        long updated = UPDATES_START_MILLIS + random.nextInt(300 * 24 * 3600) * 1000L;
        return new SocialInsurance(heldUnder, person.identityNumber(), name, status, insurances,
                employer.creditCode(), employer.name(), contact, updated);
    }

    private Division otherDivision(String code) {
        Division division;
        do {
            division = pickFrom(Vocabulary.HOME_DIVISIONS);
        } while (division.code().equals(code));
        return division;
    }

    /** "张伟" becomes "张　伟": the space goes between surname and given name, as some clerks type it. */
    static String withFullWidthSpace(String name) {
        int surnameLength = Vocabulary.SURNAMES.stream()
                .filter(s -> s.length() == 2 && name.startsWith(s)).findFirst().map(String::length).orElse(1);
        return name.substring(0, surnameLength) + FULL_WIDTH_SPACE + name.substring(surnameLength);
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextInt((int) days + 1));
    }

    private <T> T pickFrom(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}

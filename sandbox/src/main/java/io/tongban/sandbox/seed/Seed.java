package io.tongban.sandbox.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sandbox's generated population and companies, immutable; the line systems start from it. */
public final class Seed {

    private final List<Person> persons;
    private final List<Enterprise> enterprises;
    private final List<Taxpayer> taxpayers;
    private final List<SocialInsurance> socialInsurances;
    private final DeliberateCases cases;
    private final Map<String, Person> personsById;
    private final Map<String, Enterprise> enterprisesByCode;
    private final Map<String, Taxpayer> taxpayersById;
    private final Map<String, SocialInsurance> socialByHeldUnder;

    Seed(List<Person> persons, List<Enterprise> enterprises, List<Taxpayer> taxpayers,
         List<SocialInsurance> socialInsurances, DeliberateCases cases) {
        this.persons = List.copyOf(persons);
        this.enterprises = List.copyOf(enterprises);
        this.taxpayers = List.copyOf(taxpayers);
        this.socialInsurances = List.copyOf(socialInsurances);
        this.cases = cases;
        this.personsById = index(this.persons, Person::identityNumber);
        this.enterprisesByCode = index(this.enterprises, Enterprise::creditCode);
        this.taxpayersById = index(this.taxpayers, Taxpayer::taxpayerId);
        this.socialByHeldUnder = index(this.socialInsurances, SocialInsurance::heldUnder);
    }

    /** Generates the same data for the same arguments, every time. */
    public static Seed generate(long seed, int persons, int enterprises) {
        return new SeedGenerator(seed).generate(persons, enterprises);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    public List<Person> persons() {
        return persons;
    }

    public List<Enterprise> enterprises() {
        return enterprises;
    }

    public List<Taxpayer> taxpayers() {
        return taxpayers;
    }

    public List<SocialInsurance> socialInsurances() {
        return socialInsurances;
    }

    public DeliberateCases cases() {
        return cases;
    }

    /** A person on record, alive and consistent, in public security, social security and tax. */
    public Person demoPerson() {
        return persons.get(0);
    }

    /** A company in existence, consistent in market supervision and tax, represented by the demo person. */
    public Enterprise demoCompany() {
        return enterprises.get(0);
    }

    public Optional<Person> person(String identityNumber) {
        return Optional.ofNullable(personsById.get(identityNumber));
    }

    public Optional<Enterprise> enterprise(String creditCode) {
        return Optional.ofNullable(enterprisesByCode.get(creditCode));
    }

    public Optional<Taxpayer> taxpayer(String taxpayerId) {
        return Optional.ofNullable(taxpayersById.get(taxpayerId));
    }

    /** The record filed under exactly this number (15 or 18 characters). */
    public Optional<SocialInsurance> socialInsurance(String heldUnder) {
        return Optional.ofNullable(socialByHeldUnder.get(heldUnder));
    }
}

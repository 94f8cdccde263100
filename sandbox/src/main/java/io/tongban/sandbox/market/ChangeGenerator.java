package io.tongban.sandbox.market;

import io.tongban.sandbox.seed.Enterprise;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.Seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a few registration changes and applies them to the register, so that later lookups agree
 * with the change file. The demo company and the deliberate-case companies are never changed, so
 * that the named fixtures stay true.
 */
final class ChangeGenerator {

    static final List<String> ITEMS = List.of("企业名称", "住所", "法定代表人", "登记状态", "注册资本", "经营范围");
    private static final List<String> NAME_WORDS = List.of("集团", "控股", "国际", "数字");

    private final MarketRegistry registry;
    private final Random random;
    private final List<String> changeable;
    private final List<Person> representatives;
    private final List<Enterprise> seedEnterprises;

    ChangeGenerator(MarketRegistry registry, Seed seed, long randomSeed) {
        this.registry = registry;
        this.random = new Random(randomSeed);
        Set<String> fixed = new HashSet<>(seed.cases().deregisteredStillNormalInTax());
        fixed.add(seed.demoCompany().creditCode());
        this.changeable = seed.enterprises().stream().map(Enterprise::creditCode).filter(c -> !fixed.contains(c)).toList();
        this.representatives = seed.persons().stream()
                .filter(p -> p.status().equals("0") && p.birthDate().getYear() <= 1995).toList();
        this.seedEnterprises = seed.enterprises();
    }

    synchronized List<EnterpriseChange> drawAndApply(int count, LocalDate day) {
        List<EnterpriseChange> changes = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        while (changes.size() < count) {
            String code = changeable.get(random.nextInt(changeable.size()));
            if (chosen.add(code)) {
                Enterprise before = registry.find(code).orElseThrow();
                Enterprise after = change(before);
                registry.update(code, current -> after);
                changes.add(describe(before, after, day));
            }
        }
        return changes;
    }

    private Enterprise change(Enterprise e) {
        String item = ITEMS.get(random.nextInt(ITEMS.size()));
        if (item.equals("登记状态") && nextStatus(e.status()) == null) {
            item = "经营范围";
        }
        return switch (item) {
            case "企业名称" -> e.withName(renamed(e.name()));
            case "住所" -> e.withDomicile(otherThan(e.domicile(), true));
            case "法定代表人" -> {
                Person next;
                do {
                    next = representatives.get(random.nextInt(representatives.size()));
                } while (next.identityNumber().equals(e.legalRepresentativeId()));
                yield e.withLegalRepresentative(next.name(), next.identityNumber());
            }
            case "登记状态" -> e.withStatus(nextStatus(e.status()));
            case "注册资本" -> e.withRegisteredCapital(e.registeredCapital()
                    .multiply(BigDecimal.valueOf(2 + random.nextInt(4))).setScale(4, RoundingMode.UNNECESSARY));
            default -> e.withBusinessScope(otherThan(e.businessScope(), false));
        };
    }

    /** The change-file line for the one item that differs between the two versions. */
    private static EnterpriseChange describe(Enterprise before, Enterprise after, LocalDate day) {
        String code = before.creditCode();
        if (!before.name().equals(after.name())) {
            return new EnterpriseChange(code, "企业名称", before.name(), after.name(), day);
        }
        if (!before.domicile().equals(after.domicile())) {
            return new EnterpriseChange(code, "住所", before.domicile(), after.domicile(), day);
        }
        if (!before.legalRepresentativeId().equals(after.legalRepresentativeId())) {
            return new EnterpriseChange(code, "法定代表人", before.legalRepresentative(), after.legalRepresentative(), day);
        }
        if (!before.status().equals(after.status())) {
            return new EnterpriseChange(code, "登记状态", before.status(), after.status(), day);
        }
        if (before.registeredCapital().compareTo(after.registeredCapital()) != 0) {
            return new EnterpriseChange(code, "注册资本", before.registeredCapital().toPlainString(),
                    after.registeredCapital().toPlainString(), day);
        }
        return new EnterpriseChange(code, "经营范围", before.businessScope(), after.businessScope(), day);
    }

    private String renamed(String name) {
        String word = NAME_WORDS.get(random.nextInt(NAME_WORDS.size()));
        for (String suffix : List.of("股份有限公司", "有限公司")) {
            if (name.endsWith(suffix) && !name.contains(word)) {
                return name.substring(0, name.length() - suffix.length()) + word + suffix;
            }
        }
        return "新" + name;
    }

    /** Another seed company's domicile or scope: companies move into shared buildings, trades change. */
    private String otherThan(String current, boolean domicile) {
        while (true) {
            Enterprise other = seedEnterprises.get(random.nextInt(seedEnterprises.size()));
            String value = domicile ? other.domicile() : other.businessScope();
            if (!value.equals(current)) {
                return value;
            }
        }
    }

    private String nextStatus(String status) {
        return switch (status) {
            case "存续" -> random.nextDouble() < 0.7 ? "在业" : "吊销";
            case "在业" -> random.nextDouble() < 0.7 ? "存续" : "迁出";
            case "吊销" -> "注销";
            default -> null;
        };
    }
}

package io.tongban.sandbox.market;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.Verdict;
import io.tongban.sandbox.seed.CreditCodes;
import io.tongban.sandbox.seed.Enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * How market supervision decides company establishment (企业设立登记): the name must be given and free, then
 * the company is registered under a new credit code, so that the lookup finds it from then on. A name is free
 * when no enterprise on the register bears it; approved applications are on the register, so an earlier
 * approval's name counts as taken too.
 */
final class MarketRules implements DecisionDesk.Rule {

    static final String COMPANY_ESTABLISHMENT = "company-establishment";
    private static final String NAME_REGULATION = "《企业名称登记管理规定》";
    /** The pilot district: new codes and the registrar are Shenzhen Nanshan's, whatever the domicile says. */
    private static final String DIVISION = "440305";
    private static final String REGISTRAR = "深圳市市场监督管理局";
    /** The application carries no capital; the seed's smallest company step (10,000 CNY units). */
    private static final BigDecimal CAPITAL = new BigDecimal("10.0000");

    private final MarketRegistry registry;
    private final Clock clock;
    /** Only the desk's decision thread counts. */
    private int issued;

    MarketRules(MarketRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Verdict decide(Application application) {
        if (!application.matter().equals(COMPANY_ESTABLISHMENT)) {
            return Verdict.matterNotHandled(application.matter());
        }
        String name = application.field("QYMC").trim();
        if (name.isEmpty()) {
            return Verdict.reject("NAME_MISSING", "未申报企业名称", NAME_REGULATION);
        }
        if (registry.nameTaken(name)) {
            return Verdict.reject("NAME_TAKEN", "企业名称与已登记企业名称相同", NAME_REGULATION + "第十七条");
        }
        Enterprise established;
        do {
            established = new Enterprise(nextCreditCode(), name, typeOf(name), application.field("SQRXM").trim(),
                    application.field("SQRZJHM").trim(), CAPITAL, LocalDate.now(clock), "存续",
                    application.field("ZS").trim(), application.field("JYFW").trim(), REGISTRAR);
        } while (!registry.register(established));
        return Verdict.approve(Map.of("TYSHXYDM", established.creditCode()));
    }

    /** Organisation codes issued since 2015 begin with MA; the counter keeps them unique within this sandbox. */
    private String nextCreditCode() {
        issued++;
        return CreditCodes.build('1', DIVISION, "MA" + String.format("%06d", issued));
    }

    /** As the seed pairs them: a 股份有限公司 is a joint-stock company, anything else a limited liability one. */
    private static String typeOf(String name) {
        return name.endsWith("股份有限公司") ? "股份有限公司（非上市）" : "有限责任公司（自然人投资或控股）";
    }
}

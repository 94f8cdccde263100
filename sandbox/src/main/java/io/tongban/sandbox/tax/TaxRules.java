package io.tongban.sandbox.tax;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.Verdict;
import io.tongban.sandbox.seed.Taxpayer;

import java.util.Map;

/**
 * How tax decides: an invoice application (发票申领) is refused to an abnormal or deregistered taxpayer; a
 * taxpayer tax does not know yet is a company just established, so it is approved. Tax takes part in company
 * establishment (tax registration follows the business licence) and approves it.
 */
final class TaxRules implements DecisionDesk.Rule {

    static final String INVOICE_APPLICATION = "invoice-application";
    static final String COMPANY_ESTABLISHMENT = "company-establishment";
    private static final String COLLECTION_RULES = "《中华人民共和国税收征收管理法实施细则》";

    private final Map<String, Taxpayer> taxpayers;

    TaxRules(Map<String, Taxpayer> taxpayers) {
        this.taxpayers = taxpayers;
    }

    @Override
    public Verdict decide(Application application) {
        return switch (application.matter()) {
            case COMPANY_ESTABLISHMENT -> Verdict.approve(Map.of());
            case INVOICE_APPLICATION -> invoice(taxpayers.get(application.field("NSRSBH").trim()));
            default -> Verdict.matterNotHandled(application.matter());
        };
    }

    private static Verdict invoice(Taxpayer taxpayer) {
        String status = taxpayer == null ? "" : taxpayer.status();
        return switch (status) {
            case "09" -> Verdict.reject("TAXPAYER_ABNORMAL", "纳税人状态为非正常户，不予发放发票", COLLECTION_RULES);
            case "07" -> Verdict.reject("TAXPAYER_DEREGISTERED", "纳税人已注销税务登记，不予发放发票", COLLECTION_RULES);
            default -> Verdict.approve(Map.of());
        };
    }
}

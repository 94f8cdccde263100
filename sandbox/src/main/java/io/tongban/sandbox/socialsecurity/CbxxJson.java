package io.tongban.sandbox.socialsecurity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tongban.sandbox.applications.Decision;
import io.tongban.sandbox.seed.SocialInsurance;

/** The JSON bodies of the social security system: an insurance record (CBXX), an error, a decision. */
final class CbxxJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private CbxxJson() {
    }

    static String record(SocialInsurance record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sfzhm", record.heldUnder());
        node.put("xm", record.name());
        node.put("cbzt", record.status());
        ArrayNode types = node.putArray("xzlx");
        for (SocialInsurance.Insurance insurance : record.insurances()) {
            types.addObject().put("xz", insurance.type()).put("zt", insurance.status()).put("jfys", insurance.monthsPaid());
        }
        node.put("dwtyshxydm", record.employerCreditCode());
        node.put("dwmc", record.employerName());
        node.put("lxdz", record.contactAddress());
        node.put("gxsj", record.updatedAtMillis());
        return write(node);
    }

    /** {@code {"XH","SQBH","SLBH","JG":"TG"|"BTG","YY":[{"DM","SM","YJ"}],"SBBH" (if issued),"BJSJ"}}. */
    static String decision(Decision decision) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("XH", decision.sequence());
        node.put("SQBH", decision.application().number());
        node.put("SLBH", decision.receipt());
        node.put("JG", decision.approved() ? "TG" : "BTG");
        ArrayNode reasons = node.putArray("YY");
        decision.reasons().forEach(r -> reasons.addObject().put("DM", r.code()).put("SM", r.text()).put("YJ", r.legalBasis()));
        if (decision.results().containsKey("SBBH")) {
            node.put("SBBH", decision.results().get("SBBH"));
        }
        node.put("BJSJ", decision.decidedAt().toString());
        return write(node);
    }

    static String error(String code, String message) {
        return write(MAPPER.createObjectNode().put("code", code).put("message", message));
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox.json_failed", e);
        }
    }
}

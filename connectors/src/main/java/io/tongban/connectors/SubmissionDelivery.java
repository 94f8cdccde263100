package io.tongban.connectors;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One department's share of an accepted submission, as the bus hands it to that department's connector to deliver
 * over the department's own protocol. The connector renders it in the department's dialect.
 *
 * @param submission    the bus's submission id: the application number the department's decision names
 * @param applicantType PERSON or LEGAL_ENTITY
 * @param applicant     the applicant's identity number or credit code, in clear: the department needs it
 * @param form          the application's form, field name to value, as the applicant confirmed it
 * @param materials     how each required material was satisfied
 * @param promisedBy    the date the department promised a decision by
 */
public record SubmissionDelivery(String submission, String matter, String department, String applicantType,
                                 String applicant, Map<String, Object> form, List<Material> materials,
                                 LocalDate promisedBy) {

    public SubmissionDelivery {
        form = form == null ? Map.of() : Map.copyOf(form);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A form value as text, or empty when the form does not have it. */
    public String formText(String field) {
        Object value = form.get(field);
        return value == null ? "" : value.toString();
    }

    /**
     * @param satisfiedBy SYSTEM_VERIFICATION, E_LICENCE, REUSE, UPLOAD or PENDING
     * @param material    the material or licence id, when one satisfied it
     */
    public record Material(String code, String satisfiedBy, String material) {
    }
}

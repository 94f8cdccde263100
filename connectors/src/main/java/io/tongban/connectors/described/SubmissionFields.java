package io.tongban.connectors.described;

import io.tongban.connectors.SubmissionDelivery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a described delivery's fields may take from a submission, whatever the protocol carries them in:
 * {@code submission}, {@code matter}, ... or {@code form.<field>} for a value of the application form, and
 * {@code form.<field>|<field>} for the first of them the form fills (matters name the same thing differently).
 */
final class SubmissionFields {

    static final Set<String> VALUES = Set.of("submission", "matter", "department", "applicant", "applicant-type",
            "promised-by");

    private SubmissionFields() {
    }

    static boolean known(String value) {
        return VALUES.contains(value) || value.startsWith("form.") && value.length() > "form.".length();
    }

    /** The department's fields, in the order the description gives them, filled from the submission. */
    static Map<String, Object> of(Map<String, String> described, SubmissionDelivery submission) {
        Map<String, Object> fields = new LinkedHashMap<>();
        described.forEach((field, value) -> fields.put(field, switch (value) {
            case "submission" -> submission.submission();
            case "matter" -> submission.matter();
            case "department" -> submission.department();
            case "applicant" -> submission.applicant();
            case "applicant-type" -> submission.applicantType();
            case "promised-by" -> submission.promisedBy() == null ? "" : submission.promisedBy().toString();
            default -> firstFilled(submission, value.substring("form.".length()).split("\\|"));
        }));
        return fields;
    }

    private static String firstFilled(SubmissionDelivery submission, String[] formFields) {
        for (String field : formFields) {
            if (!submission.formText(field).isBlank()) {
                return submission.formText(field);
            }
        }
        return "";
    }
}

package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The fields of a described message (a request, a delivery body): the department's field to what it takes. */
final class DescribedFields {

    private DescribedFields() {
    }

    /**
     * Reads {@code <at>}, in the description's order (the order they are sent in), refusing with the field named a
     * section that is missing or empty, or a value that is not one of {@code values} ({@code null}: what a
     * submission gives, see {@link SubmissionFields}).
     */
    static Map<String, String> read(String location, JsonNode node, String at, Set<String> values) {
        if (!node.isObject() || node.isEmpty()) {
            throw new InvalidDescriptionException(location, at, "missing: the department's fields and what each "
                    + "takes");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String value = entry.getValue().asText();
            if (values == null ? !SubmissionFields.known(value) : !values.contains(value)) {
                throw new InvalidDescriptionException(location, at + "." + entry.getKey(), "'" + value
                        + "' is not one of " + (values == null ? SubmissionFields.VALUES + " or form.<field>" : values));
            }
            fields.put(entry.getKey(), value);
        });
        return fields;
    }
}

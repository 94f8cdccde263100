package io.tongban.sandbox.applications;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An application (办件) as a department received it. Every dialect builds one, so refusing an application
 * without SQBH or SXBM happens here, once, and each dialect answers the refusal in its own way.
 *
 * @param number SQBH, the application number (the bus's submission id)
 * @param matter SXBM, the matter code, e.g. company-establishment
 * @param fields the department's other fields under its own names (QYMC, NSRSBH, GMSFHM, ...); absent ones as ""
 */
public record Application(String number, String matter, Map<String, String> fields) {

    public Application {
        number = number == null ? "" : number.trim();
        matter = matter == null ? "" : matter.trim();
        if (number.isEmpty()) {
            throw new IllegalArgumentException("SQBH is required");
        }
        if (matter.isEmpty()) {
            throw new IllegalArgumentException("SXBM is required");
        }
        Map<String, String> present = new HashMap<>();
        fields.forEach((name, value) -> present.put(name, Objects.requireNonNullElse(value, "")));
        fields = Map.copyOf(present);
    }

    /** The field's value, "" when the application does not carry it. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}

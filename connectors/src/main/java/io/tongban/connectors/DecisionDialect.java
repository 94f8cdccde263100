package io.tongban.connectors;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a department words a decision record (办结结果: XH sequence, SQBH application, SLBH receipt, JG outcome, YY
 * reasons with DM code, SM text and YJ legal basis, BJSJ time): the value of JG that means approval, and which of
 * its fields carry what an approval produced. The four departments share the record's shape; these differ.
 *
 * @param approved the JG of an approval; {@code rejected} that of a rejection; any other JG is the department's error
 *
 * @param results the department's field to the canonical result it carries ({@code TYSHXYDM -> creditCode})
 */
public record DecisionDialect(String approved, String rejected, Map<String, String> results) {

    public DecisionDialect {
        results = Map.copyOf(results);
    }

    /** Reads one decision record; a record missing what every decision must name is the department's error. */
    public DepartmentDecision decision(String source, Map<?, ?> record) {
        String at = required(source, record, "BJSJ");
        try {
            Map<String, String> produced = new LinkedHashMap<>();
            results.forEach((field, canonical) -> {
                Object value = record.get(field);
                if (value != null && !value.toString().isBlank()) {
                    produced.put(canonical, value.toString().trim());
                }
            });
            String outcome = required(source, record, "JG");
            if (!outcome.equals(approved) && !outcome.equals(rejected)) {
                throw new DepartmentException(source, "decision record with an unknown JG");
            }
            Object receipt = record.get("SLBH");
            return new DepartmentDecision(source, Long.parseLong(required(source, record, "XH")),
                    required(source, record, "SQBH"), receipt == null ? null : receipt.toString(),
                    outcome.equals(approved) ? DepartmentDecision.Outcome.APPROVED
                            : DepartmentDecision.Outcome.REJECTED,
                    reasonsOf(record.get("YY")), produced, OffsetDateTime.parse(at).toInstant());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new DepartmentException(source, "decision record with an unreadable XH or BJSJ: " + e.getMessage());
        }
    }

    /** The records of a feed's answer: XML turns a single repeated element into one object, JSON keeps a list. */
    public static List<Map<?, ?>> records(Object value) {
        List<Map<?, ?>> records = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            if (item instanceof Map<?, ?> map) {
                records.add(map);
            }
        }
        return records;
    }

    private List<DepartmentDecision.Reason> reasonsOf(Object value) {
        return records(value).stream().map(reason -> new DepartmentDecision.Reason(text(reason, "DM"),
                text(reason, "SM"), text(reason, "YJ"))).toList();
    }

    private static String text(Map<?, ?> record, String field) {
        Object value = record.get(field);
        return value == null ? "" : value.toString();
    }

    private static String required(String source, Map<?, ?> record, String field) {
        Object value = record.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new DepartmentException(source, "decision record without " + field);
        }
        return value.toString().trim();
    }
}

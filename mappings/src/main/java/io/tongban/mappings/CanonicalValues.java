package io.tongban.mappings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparable form of a canonical value: text normalised, numbers by value (5.0 equals 5),
 * lists and objects element by element. Two sources disagree only when these forms differ.
 */
final class CanonicalValues {
    private CanonicalValues() {
    }

    static Object comparable(Object value) {
        if (value instanceof String text) {
            return ChineseText.normalize(text);
        }
        if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            BigDecimal decimal = RawValues.decimal(value);
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof Double || value instanceof Float) {
            return comparable(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(comparable(item)));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new TreeMap<>();
            map.forEach((key, item) -> entries.put(key.toString(), comparable(item)));
            return entries;
        }
        return value;
    }
}

package io.tongban.mappings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading department values that may arrive as JSON strings, numbers or booleans. */
final class RawValues {
    private RawValues() {
    }

    /** The value as text; numbers in plain notation without a trailing ".0". */
    static String text(Object raw) {
        if (raw instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (raw instanceof Double || raw instanceof Float) {
            return BigDecimal.valueOf(((Number) raw).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            throw new MappingException(MappingError.INVALID_VALUE, "expected a single value, got a structure");
        }
        return raw.toString().strip();
    }

    /** The value as an exact decimal, from a number or a decimal string. */
    static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        String text = ChineseText.toHalfWidth(text(raw)).replace(",", "");
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MappingException(MappingError.INVALID_VALUE, "'" + text + "' is not a number");
        }
    }
}

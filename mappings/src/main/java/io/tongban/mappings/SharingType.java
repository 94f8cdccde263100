package io.tongban.mappings;

import java.util.Arrays;

/**
 * How a canonical field may be shared, as the data-sharing catalogue (政务信息资源目录) classes it: decided by the
 * field's authority and kept beside the canonical model.
 */
public enum SharingType {
    /** 无条件共享: released to every authenticated consumer that states a purpose. */
    UNCONDITIONAL("unconditional"),
    /** 有条件共享: released only under a grant for the consumer, the field and the purpose. */
    CONDITIONAL("conditional"),
    /** 不予共享: never released through the bus. */
    NOT_SHARED("not-shared");

    private final String code;

    SharingType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @return the type with this catalogue code, or null when there is none */
    public static SharingType ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst().orElse(null);
    }
}

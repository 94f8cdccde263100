package io.tongban.mappings;

/** Turns one present (non-null, non-blank) department value into its canonical value. */
@FunctionalInterface
interface ValueConverter {
    /**
     * @throws MappingException when the value is not acceptable
     */
    Object convert(Object raw);
}

package io.tongban.mappings;

import java.util.Objects;

/** One golden-record field: its canonical value and the source it was taken from. */
public record FieldValue(Object value, Provenance provenance) {
    public FieldValue {
        Objects.requireNonNull(provenance, "provenance");
    }
}

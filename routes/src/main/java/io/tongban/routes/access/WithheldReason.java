package io.tongban.routes.access;

/** Why a canonical field was left out of an answer. */
public enum WithheldReason {
    /** The catalogue classes the field 不予共享. */
    NOT_SHARED,
    /** A conditional field, and no grant of it to this consumer. */
    NO_GRANT,
    /** The consumer's grant of it for this purpose has ended. */
    GRANT_EXPIRED,
    /** The consumer holds a grant of it, for another purpose. */
    PURPOSE_NOT_GRANTED
}

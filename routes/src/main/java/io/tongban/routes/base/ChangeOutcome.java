package io.tongban.routes.base;

/** What laying one change-feed item over the shared base did, for the exchange log. */
public enum ChangeOutcome {
    /** The change was laid over the held record: all its fields, or those the base did not hold fresher values for. */
    APPLIED,
    /** The base does not hold the subject from this source: its first lookup will fetch the current state anyway. */
    NOT_HELD,
    /** Every field of the change is held as of a later time than the change: nothing was written. */
    OLDER_THAN_HELD
}

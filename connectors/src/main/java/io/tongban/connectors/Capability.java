package io.tongban.connectors;

/** What a department connector can do for the bus; the core routes work by capability, never by department. */
public enum Capability {
    /** Body in: an 18-digit identity number. Body out: a {@link LookupResult}. */
    PERSON_LOOKUP,
    /** Body in: a unified social credit code. Body out: a {@link LookupResult}. */
    ENTITY_LOOKUP,
    /** Body in: an {@link IdentityCheckRequest}. Body out: an {@link IdentityCheckResult}. */
    IDENTITY_CHECK,
    /** The connector sends canonical changes to {@link ConnectorDescriptor#CHANGES_ENDPOINT} on its own. */
    CHANGE_FEED,
    /**
     * Body in: a {@link SubmissionDelivery}. Body out: the department's receipt number, or null when its protocol
     * gives none. Throws when the department did not take it: the bus redelivers later.
     */
    SUBMISSION_DELIVERY,
    /**
     * The connector sends its department's {@link DepartmentDecision}s to {@link ConnectorDescriptor#DECISIONS_ENDPOINT}
     * on its own; one that polls asks {@link ConnectorDescriptor#DECISION_POSITION_ENDPOINT} where to go on from.
     */
    DECISION_FEED
}

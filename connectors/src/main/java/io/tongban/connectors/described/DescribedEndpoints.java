package io.tongban.connectors.described;

import io.tongban.connectors.Capability;

/** The endpoints the core calls a described connector at, named after the department's source. */
final class DescribedEndpoints {

    private DescribedEndpoints() {
    }

    /**
     * The direct endpoint serving a capability the core asks for (a polled decision feed's included); a feed the
     * department pushes (change files, topics, queues) is the protocol's own endpoint instead.
     */
    static String direct(String source, Capability capability) {
        return "direct:" + source + switch (capability) {
            case PERSON_LOOKUP -> ".person.lookup";
            case ENTITY_LOOKUP -> ".entity.lookup";
            case IDENTITY_CHECK -> ".identity.check";
            case SUBMISSION_DELIVERY -> ".applications.deliver";
            case DECISION_FEED -> ".applications.decisions";
            case CHANGE_FEED -> throw new IllegalStateException("a change feed is the protocol's own endpoint");
        };
    }
}

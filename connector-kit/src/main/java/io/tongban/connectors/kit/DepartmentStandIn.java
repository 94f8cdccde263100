package io.tongban.connectors.kit;

import io.tongban.mappings.SubjectType;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A department's system as the conformance kit needs it: it speaks the department's real protocol on loopback and
 * can be made to misbehave on cue. A department team writes one for its own system (or wraps its test system);
 * {@link DescribedRestStandIn}, {@link DescribedSoapStandIn} and {@link DescribedJmsStandIn} are ones for every
 * described REST, SOAP or JMS department, built from its folder.
 */
public interface DepartmentStandIn {

    /** A subject the department holds, for a subject type the connector looks up. */
    HeldSubject held(SubjectType type);

    /**
     * A person the department files under the old 15-digit number only, with the 18-digit number the bus asks
     * with as {@link HeldSubject#id()}; empty when the department has no such records.
     */
    default Optional<HeldSubject> heldUnderOldNumber() {
        return Optional.empty();
    }

    /** How many applications the department has taken so far (departments offering SUBMISSION_DELIVERY). */
    default int deliveries() {
        throw new UnsupportedOperationException("this stand-in takes no applications");
    }

    /**
     * The department decides an application (departments offering DECISION_FEED): from now on its decision feed
     * holds the decision, after those taken before, an approval with what the description says it produces, a
     * rejection with one reason.
     */
    default void decide(String submission, boolean approve) {
        throw new UnsupportedOperationException("this stand-in takes no decisions");
    }

    /**
     * Now: the department publishes a change of a subject it holds (departments offering CHANGE_FEED): its record
     * on an event feed, one changed item in a change file. Answers the subject's identifier, as the bus names it.
     */
    default String publishChange() {
        throw new UnsupportedOperationException("this stand-in publishes no changes");
    }

    /** Now: the department publishes a change the connector can never map (a code its tables lack, an unknown item). */
    default void publishUnmappableChange() {
        throw new UnsupportedOperationException("this stand-in publishes no changes");
    }

    /** From now on: answer as the department does. */
    void answerNormally();

    /** From now on: refuse connections, as a department whose system is down. */
    void goDown();

    /**
     * From now on: answer every request with the department's own failure (an HTTP 500, a SOAP fault, an error
     * reply), as a department whose system is up but broken.
     */
    void answerServerError();

    /** From now on: answer normally, but only after {@code delay}. */
    void answerAfter(Duration delay);

    /** From now on: answer with a body that is not in the department's format at all. */
    void answerGarbage();

    /** From now on: answer lookups with a record holding a code the department's code tables do not list. */
    void answerUnknownCode();

    /**
     * From now on: answer lookups with XML whose DOCTYPE declares an external entity pointing at {@code file} and
     * uses it in a field's place. Only XML departments are asked this.
     */
    void answerWithExternalEntity(URI file);
}

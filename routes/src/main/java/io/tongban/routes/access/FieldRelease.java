package io.tongban.routes.access;

import io.tongban.mappings.CanonicalField;
import io.tongban.mappings.CanonicalModel;
import io.tongban.mappings.SubjectType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides, field by field, what an answer may release to a consumer for a stated purpose: unconditional fields
 * always, conditional ones under a grant valid now for that consumer, field and purpose, never the fields not
 * shared. Decided before anything is fetched, so that no department is asked for what no rule releases.
 */
@Component
public class FieldRelease {

    /** What an answer may hold, and what it must leave out and why. */
    public record Decision(List<String> released, Map<String, WithheldReason> withheld) {

        /** The withheld fields as the exchange log and the answer name them: {@code field:REASON}. */
        public List<String> withheldList() {
            return withheld.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue()).toList();
        }
    }

    private final GrantRepository grants;
    private final Clock clock = Clock.systemUTC();

    public FieldRelease(GrantRepository grants) {
        this.grants = grants;
    }

    /** @param requested the canonical fields asked for (all of the subject type's when empty) */
    public Decision decide(SubjectType type, String consumer, Purpose purpose, Collection<String> requested) {
        Map<String, CanonicalField> catalogue = CanonicalModel.standard().fields(type);
        Collection<String> asked = requested.isEmpty() ? catalogue.keySet() : requested;
        List<Grant> held = grants.ofConsumer(consumer);
        Instant now = clock.instant();
        List<String> released = new ArrayList<>();
        Map<String, WithheldReason> withheld = new LinkedHashMap<>();
        for (String name : asked) {
            CanonicalField field = catalogue.get(name);
            WithheldReason reason = switch (field.sharing()) {
                case UNCONDITIONAL -> null;
                case NOT_SHARED -> WithheldReason.NOT_SHARED;
                case CONDITIONAL -> conditional(field, purpose, held, now);
            };
            if (reason == null) {
                released.add(name);
            } else {
                withheld.put(name, reason);
            }
        }
        return new Decision(List.copyOf(released), withheld);
    }

    private static WithheldReason conditional(CanonicalField field, Purpose purpose, List<Grant> held, Instant now) {
        List<Grant> covering = held.stream().filter(grant -> grant.covers(field.name(), field.group())).toList();
        if (covering.stream().anyMatch(grant -> grant.purpose().equals(purpose.code()) && grant.validAt(now))) {
            return null;
        }
        if (covering.stream().anyMatch(grant -> grant.purpose().equals(purpose.code()) && !now.isBefore(grant.validUntil()))) {
            return WithheldReason.GRANT_EXPIRED;
        }
        return covering.stream().anyMatch(grant -> grant.validAt(now)) ? WithheldReason.PURPOSE_NOT_GRANTED
                : WithheldReason.NO_GRANT;
    }
}

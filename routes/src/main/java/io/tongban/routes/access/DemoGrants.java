package io.tongban.routes.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * In demo mode, the grants of {@code bus.access.demo.grants} (the sandbox profile's: the demo platform for its
 * matters, a sandbox department for its own), written once, on the first start; an admin changes them through the
 * admin API like any other grant.
 */
class DemoGrants {

    private static final String BASIS = "Demo grant for the embedded sandbox; no legal effect";
    private final GrantRepository grants;
    private final List<AccessProperties.DemoGrant> seed;

    DemoGrants(GrantRepository grants, List<AccessProperties.DemoGrant> seed) {
        this.grants = grants;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!grants.all().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Instant until = now.plus(3650, ChronoUnit.DAYS);
        for (AccessProperties.DemoGrant grant : seed) {
            grants.insert(new Grant(UUID.randomUUID().toString(), grant.consumer(), grant.fields(), grant.purpose(),
                    BASIS, now, until, "demo-mode", now));
        }
    }
}

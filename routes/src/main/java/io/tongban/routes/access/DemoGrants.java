package io.tongban.routes.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * In demo mode, the grants a newcomer needs to see conditional fields at all: the demo platform for the four
 * matters, each with the groups that matter needs, and market supervision's systems for company establishment.
 * Written once, on the first start; an admin changes them through the admin API like any other grant.
 */
class DemoGrants {

    private static final String BASIS = "Demo grant for the embedded sandbox; no legal effect";
    private final GrantRepository grants;

    DemoGrants(GrantRepository grants) {
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!grants.all().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Instant until = now.plus(3650, ChronoUnit.DAYS);
        String platform = "one-window-platform";
        grant(platform, List.of("group:identity", "group:insurance", "group:tax"), "residence-permit", now, until);
        grant(platform, List.of("group:identity", "group:insurance"), "insurance-registration", now, until);
        grant(platform, List.of("group:tax", "group:registration"), "invoice-application", now, until);
        grant(platform, List.of("group:identity", "group:registration", "group:tax"), "company-establishment", now, until);
        grant("market-supervision", List.of("group:registration"), "company-establishment", now, until);
    }

    private void grant(String consumer, List<String> fields, String purpose, Instant from, Instant until) {
        grants.insert(new Grant(UUID.randomUUID().toString(), consumer, fields, purpose, BASIS, from, until, "demo-mode",
                from));
    }
}

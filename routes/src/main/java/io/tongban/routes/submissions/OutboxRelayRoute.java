package io.tongban.routes.submissions;

import org.apache.camel.builder.RouteBuilder;

/** Runs the outbox relay every {@code bus.submissions.relay-interval}, one run at a time. */
class OutboxRelayRoute extends RouteBuilder {

    private final OutboxRelay relay;

    OutboxRelayRoute(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void configure() {
        from("timer:submissions-outbox?period={{bus.submissions.relay-interval}}&delay=1000")
                .routeId("submissions.outbox-relay")
                .bean(relay, "relay");
    }
}

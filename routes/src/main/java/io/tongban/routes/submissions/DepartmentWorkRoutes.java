package io.tongban.routes.submissions;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.routes.lookup.ConnectorRegistry;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The departments' side of a submission, the same for every connector: each department's queue is consumed in a
 * JMS transaction and handed to its connector's delivery endpoint; a failed delivery rolls back, and the broker
 * redelivers it with backoff and, after the configured attempts, moves it to the dead-letter queue, where the task
 * is marked as such. Decisions from every connector's decision feed are applied here.
 *
 * <p>The consumers are kept between messages ({@code CACHE_CONSUMER}): with the transaction manager that
 * {@code transacted} brings, Spring's listener container would otherwise open and close a broker consumer for every
 * message. The transactions are the broker's own, not XA, so a kept consumer takes part in them as before.
 */
class DepartmentWorkRoutes extends RouteBuilder {

    static final String DEAD_LETTERS = "tongban.dead-letter.submissions";
    private static final String DELIVERY = "tongbanDelivery";
    private static final String STARTED = "tongbanDeliveryStarted";

    private final ConnectorRegistry connectors;
    private final DepartmentWork work;

    DepartmentWorkRoutes(ConnectorRegistry connectors, DepartmentWork work) {
        this.connectors = connectors;
        this.work = work;
    }

    @Override
    public void configure() {
        for (ConnectorDescriptor connector : connectors.offering(Capability.SUBMISSION_DELIVERY)) {
            from("jms:queue:" + OutboxRelay.QUEUE_PREFIX + connector.source()
                    + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                    + "&concurrentConsumers={{bus.submissions.delivery.consumers}}")
                    .routeId("submissions.deliver." + connector.source())
                    .onException(Exception.class)
                        .filter(exchangeProperty(DELIVERY).isNotNull())
                            .process(e -> work.failed(e.getProperty(DELIVERY, SubmissionDelivery.class), elapsed(e)))
                        .end()
                    .end()
                    .setProperty(STARTED, method(System.class, "nanoTime"))
                    .setProperty(DELIVERY, method(work, "read"))
                    .setBody(exchangeProperty(DELIVERY))
                    .to(connector.endpoint(Capability.SUBMISSION_DELIVERY))
                    .process(e -> work.delivered(e.getProperty(DELIVERY, SubmissionDelivery.class),
                            e.getMessage().getBody(String.class), elapsed(e)));
        }

        from("jms:queue:" + DEAD_LETTERS + "?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("submissions.dead-letter")
                .process(e -> work.deadLettered(e.getMessage().getHeader("submission", String.class),
                        e.getMessage().getHeader("department", String.class)));

        from(ConnectorDescriptor.DECISIONS_ENDPOINT).routeId("submissions.decisions")
                .process(e -> work.decided(decisions(e.getMessage().getMandatoryBody(List.class))));
        from(ConnectorDescriptor.DECISION_POSITION_ENDPOINT).routeId("submissions.decision-position")
                .process(e -> e.getMessage().setBody(work.position(e.getMessage().getMandatoryBody(String.class))));
    }

    private static List<DepartmentDecision> decisions(List<?> page) {
        return page.stream().map(DepartmentDecision.class::cast).toList();
    }

    private static long elapsed(Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }
}

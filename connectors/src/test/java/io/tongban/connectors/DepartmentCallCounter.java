package io.tongban.connectors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Counts every message a connector sends to an endpoint, redeliveries included, so that tests can tell whether a
 * call left the bus for the department (the sandbox keeps no request counters of its own). The decision feeds'
 * polls run on their own timers, whatever the test does, and are not counted.
 */
@Component
public class DepartmentCallCounter extends EventNotifierSupport {

    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    public DepartmentCallCounter() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending && !String.valueOf(sending.getExchange().getFromRouteId())
                .endsWith(".decisions.poll")) {
            sends.computeIfAbsent(sending.getEndpoint().getEndpointUri(), uri -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Messages sent so far to endpoints whose URI starts with this prefix. */
    public int callsTo(String endpointUriPrefix) {
        return sends.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(endpointUriPrefix))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    @Override
    public String toString() {
        return "sends per endpoint " + sends;
    }
}

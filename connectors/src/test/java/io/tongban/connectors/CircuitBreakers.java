package io.tongban.connectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/** The circuit breakers of the started routes, so that a test can see their state and begin from closed ones. */
public final class CircuitBreakers {

    private CircuitBreakers() {
    }

    /** The breaker of one route; every lookup route has exactly one. */
    public static ResilienceProcessor ofRoute(CamelContext camel, String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            throw new IllegalArgumentException("no route " + routeId);
        }
        List<ResilienceProcessor> found = new ArrayList<>();
        collect(route.navigate(), found, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (found.size() != 1) {
            throw new IllegalStateException("route " + routeId + " has " + found.size() + " circuit breakers");
        }
        return found.get(0);
    }

    /** Every breaker back to closed with empty metrics, so that one test's failures do not count in the next. */
    public static void resetAll(CamelContext camel) {
        Set<Processor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ResilienceProcessor> found = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            collect(route.navigate(), found, seen);
        }
        found.forEach(breaker -> breaker.getCircuitBreaker().reset());
    }

    private static void collect(Navigate<Processor> node, List<ResilienceProcessor> found, Set<Processor> seen) {
        if (node == null || !node.hasNext()) {
            return;
        }
        for (Processor processor : node.next()) {
            if (processor == null || !seen.add(processor)) {
                continue;
            }
            if (processor instanceof ResilienceProcessor breaker) {
                found.add(breaker);
            }
            if (processor instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> next = (Navigate<Processor>) child;
                collect(next, found, seen);
            }
        }
    }
}

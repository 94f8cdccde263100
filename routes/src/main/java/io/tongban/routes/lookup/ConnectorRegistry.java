package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The connectors present in this bus, found as beans: adding a department never changes this class. */
@Component
public class ConnectorRegistry {

    private final List<ConnectorDescriptor> connectors;

    public ConnectorRegistry(List<ConnectorDescriptor> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    /** The departments a connector is present for, by source name. */
    public Set<String> sources() {
        return connectors.stream().map(ConnectorDescriptor::source).collect(Collectors.toUnmodifiableSet());
    }

    public List<ConnectorDescriptor> offering(Capability capability) {
        return connectors.stream().filter(c -> c.offers(capability)).toList();
    }
}

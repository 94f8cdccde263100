package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The connectors present in this bus, found as beans: adding a department never changes this class. */
@Component
public class ConnectorRegistry {

    private final List<ConnectorDescriptor> connectors;

    public ConnectorRegistry(List<ConnectorDescriptor> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    public List<ConnectorDescriptor> offering(Capability capability) {
        return connectors.stream().filter(c -> c.offers(capability)).toList();
    }
}

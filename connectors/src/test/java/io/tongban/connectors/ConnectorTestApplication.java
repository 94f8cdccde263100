package io.tongban.connectors;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Loads the four connectors as the bus would (component scan of io.tongban.connectors), without the core: the
 * core's change endpoints are replaced by {@link CoreEndpointsStandIn}.
 */
@SpringBootApplication
public class ConnectorTestApplication {
}

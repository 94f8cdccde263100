package io.tongban.connectors.kit;

import io.tongban.connectors.CoreEndpointsStandIn;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the kit starts: the connectors the classpath auto-configures (the department's, switched on by its
 * configuration), without the bus's core, whose endpoints the stand-in collects for.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreEndpointsStandIn.class)
public class ConformanceApplication {
}

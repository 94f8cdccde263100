package io.tongban.connectors.description;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Registers a connector's beans only when its department's connector is switched on ({@link ConnectorSwitch}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnConnectorCondition.class)
public @interface ConditionalOnConnector {

    /** The department's source, the name of its folder under {@code departments/}. */
    String value();
}

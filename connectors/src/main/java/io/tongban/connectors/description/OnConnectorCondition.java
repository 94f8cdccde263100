package io.tongban.connectors.description;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnConnector}. */
class OnConnectorCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnConnector.class.getName());
        ConnectorDescription description = ConnectorDescriptions.of((String) attributes.get("value"));
        if (ConnectorSwitch.on(description, context.getEnvironment())) {
            return ConditionOutcome.match("connector " + description.source() + " is switched on");
        }
        return ConditionOutcome.noMatch("connector " + description.source() + " is off: "
                + ConnectorSwitch.missing(description, context.getEnvironment()) + " not configured, or enabled=false");
    }
}

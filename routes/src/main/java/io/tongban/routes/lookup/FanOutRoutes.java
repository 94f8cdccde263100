package io.tongban.routes.lookup;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Asks several connectors the same question at once and collects their answers; a connector that has not answered
 * within {@code bus.lookup.timeout-ms} is left out, and the caller names it unavailable.
 */
@Component
public class FanOutRoutes extends RouteBuilder {

    static final String FAN_OUT = "direct:bus.lookup.fan-out";
    static final String RECIPIENTS = "TongbanRecipients";

    @Override
    public void configure() {
        from(FAN_OUT).routeId("bus.lookup.fan-out")
                .recipientList(header(RECIPIENTS)).delimiter(",")
                    .parallelProcessing().executorService("busLookupPool")
                    .timeout("{{bus.lookup.timeout-ms}}")
                    .aggregationStrategy(new CollectAnswers())
                .end();
    }

    /** Collects every answer body, with the time it took, into one list of {@link FanOut.Reply}, in arrival order. */
    static final class CollectAnswers implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange collected, Exchange answer) {
            Exchange target = collected == null ? answer : collected;
            @SuppressWarnings("unchecked")
            List<Object> answers = collected == null ? new ArrayList<>() : target.getMessage().getBody(List.class);
            if (answer.getException() == null && answer.getMessage().getBody() != null) {
                answers.add(new FanOut.Reply<>(answer.getMessage().getBody(), answer.getClock().elapsed()));
            }
            target.getMessage().setBody(answers);
            return target;
        }
    }
}

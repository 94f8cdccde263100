package io.tongban.routes.lookup;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Asks several connector endpoints the same question at once, through {@link FanOutRoutes}. */
@Component
public class FanOut {

    private final ProducerTemplate camel;

    public FanOut(ProducerTemplate camel) {
        this.camel = camel;
    }

    /**
     * The answers of type {@code answerType} that arrived within the lookup timeout; an endpoint that did not answer
     * in time is simply absent (when none answered, Camel hands back the question itself, which is no answer).
     */
    public <T> List<T> ask(List<String> endpoints, Object question, Class<T> answerType) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        Object answers = camel.requestBodyAndHeader(FanOutRoutes.FAN_OUT, question, FanOutRoutes.RECIPIENTS,
                String.join(",", endpoints));
        return answers instanceof List<?> list ? list.stream().filter(answerType::isInstance).map(answerType::cast).toList()
                : List.of();
    }
}

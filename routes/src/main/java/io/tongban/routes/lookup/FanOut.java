package io.tongban.routes.lookup;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Asks several connector endpoints the same question at once, through {@link FanOutRoutes}. */
@Component
public class FanOut {

    /** One connector's answer and how long it took. */
    public record Reply<T>(T answer, long latencyMs) {
    }

    private final ProducerTemplate camel;

    public FanOut(ProducerTemplate camel) {
        this.camel = camel;
    }

    /**
     * The answers of type {@code answerType} that arrived within the lookup timeout; an endpoint that did not answer
     * in time is simply absent (when none answered, Camel hands back the question itself, which is no answer).
     */
    public <T> List<Reply<T>> ask(List<String> endpoints, Object question, Class<T> answerType) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        Object replies = camel.requestBodyAndHeader(FanOutRoutes.FAN_OUT, question, FanOutRoutes.RECIPIENTS,
                String.join(",", endpoints));
        return replies instanceof List<?> list ? list.stream()
                .filter(r -> r instanceof Reply<?> reply && answerType.isInstance(reply.answer()))
                .map(r -> new Reply<>(answerType.cast(((Reply<?>) r).answer()), ((Reply<?>) r).latencyMs()))
                .toList()
                : List.of();
    }
}

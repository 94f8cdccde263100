package io.tongban.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;

/**
 * What every department connector does the same way: a lookup is guarded by the department's circuit breaker
 * (configured under {@code camel.resilience4j.configurations.<source>}) and answers {@link LookupResult#unavailable}
 * instead of failing when the department is down, slow or broken.
 */
public abstract class DepartmentRouteBuilder extends RouteBuilder {

    /** The subject type a fetch route is asked about, for connectors that serve persons and entities alike. */
    public static final String SUBJECT_TYPE = "TongbanSubjectType";

    /** The pool department calls run on under a breaker's timeout (see DepartmentCallPoolConfiguration). */
    private static final String DEPARTMENT_CALL_POOL = "departmentCallPool";

    private final String source;

    protected DepartmentRouteBuilder(String source) {
        this.source = source;
    }

    protected String source() {
        return source;
    }

    /**
     * A lookup endpoint that sends the subject identifier to {@code fetchUri} inside the circuit breaker; the fetch
     * route answers a found or not-found {@link LookupResult} and throws for anything else.
     */
    protected void guardedLookup(String endpointUri, SubjectType subjectType, String fetchUri) {
        guarded(from(endpointUri).routeId(routeIdOf(endpointUri)).setHeader(SUBJECT_TYPE, constant(subjectType)),
                fetchUri, this::answerUnavailable);
    }

    /**
     * Continues {@code route} with a call of {@code targetUri} inside the department's circuit breaker, on the
     * department call pool; {@code fallback} answers when the call fails, times out or the breaker is open.
     */
    protected void guarded(ProcessorDefinition<?> route, String targetUri, Processor fallback) {
        route.circuitBreaker().configuration(source).resilience4jConfiguration()
                        .timeoutExecutorService(DEPARTMENT_CALL_POOL).end()
                    .to(targetUri)
                .onFallback()
                    .process(fallback)
                .end();
    }

    /**
     * A submission delivery endpoint: sends the {@link SubmissionDelivery} to {@code sendUri} inside the circuit
     * breaker; when the department did not take it the endpoint fails, so that the bus delivers it again later.
     */
    protected void guardedDelivery(String endpointUri, String sendUri) {
        guarded(from(endpointUri).routeId(routeIdOf(endpointUri)), sendUri, exchange -> {
            throw new DepartmentException(source, "submission not delivered: " + failureDetail(exchange));
        });
    }

    /**
     * Polls the department's decision feed every {@code bus.connectors.<source>.decision-poll-interval} ms: asks the
     * bus which position it applied last, sends it to {@code fetchUri} inside the circuit breaker (which answers the
     * list of {@link DepartmentDecision}s after it, in order) and hands the page on whole, for the bus to apply in
     * one transaction. While the bus awaits no decision from the department (no position), the department is not
     * asked. A department that is down is asked again at the next poll; a page the bus could not apply is read again
     * from the same position at the next poll. Several bus nodes may poll alike: the bus applies a decision once.
     */
    protected void polledDecisions(String fetchUri) {
        ProcessorDefinition<?> poll = from("timer:" + source + ".decisions?delay=1000&period={{bus.connectors."
                + source + ".decision-poll-interval}}")
                .routeId(source + ".decisions.poll")
                .setBody(constant(source))
                .to(ConnectorDescriptor.DECISION_POSITION_ENDPOINT)
                .filter(body().isNotNull());
        guarded(poll, fetchUri, exchange -> {
            logFailure(exchange, "its decision feed");
            exchange.getMessage().setBody(List.of());
        });
        poll.filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                .to(ConnectorDescriptor.DECISIONS_ENDPOINT)
                .end()
            .end();
    }

    /**
     * Retries a failed department call as {@code bus.connectors.<source>.redeliveries} and {@code .redelivery-delay-ms}
     * say. Camel's own log of an exhausted call quotes the failure's message, which for an HTTP call holds the URL
     * and so the subject's identifier: the fallback logs the failure instead, in {@link #failureDetail}'s words.
     */
    protected DefaultErrorHandlerDefinition departmentRedelivery() {
        String prefix = "{{bus.connectors." + source + ".";
        return defaultErrorHandler()
                .maximumRedeliveries(Integer.parseInt(getContext().resolvePropertyPlaceholders(prefix + "redeliveries}}")))
                .redeliveryDelay(Long.parseLong(getContext().resolvePropertyPlaceholders(prefix + "redelivery-delay-ms}}")))
                .logExhausted(false);
    }

    protected void answerUnavailable(Exchange exchange) {
        logFailure(exchange, "a lookup");
        exchange.getMessage().setBody(LookupResult.unavailable(source, failureDetail(exchange)));
    }

    /** A failed call, not an open circuit (which says nothing new at every call), is worth the operator's notice. */
    protected void logFailure(Exchange exchange, String what) {
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null) {
            log.warn("{} did not answer {}: {}", source, what, failureDetail(exchange));
        }
    }

    /** Why a guarded call failed, in words free of personal data, for the caller and the log. */
    protected String failureDetail(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return cause == null ? "circuit open or timed out" : detailOf(cause);
    }

    /**
     * A failure in words free of personal data: a mapping error by its stable code, an HTTP failure by its status
     * alone (its message quotes the URL, which may carry the identifier), a department's SOAP fault by its fault code
     * (its text may quote the request), a department CXF could not reach by the failure's kind, an answer CXF could not
     * read by the parser's complaint (CXF's own message may quote the answer), a Jackson parse error by its own message (the full one quotes the department's answer).
     */
    protected String detailOf(Throwable cause) {
        if (cause instanceof MappingException mapping) {
            return mapping.code() + ": " + mapping.getMessage();
        }
        if (cause instanceof HttpOperationFailedException http) {
            return "the department answered HTTP " + http.getStatusCode();
        }
        if (cause instanceof Fault fault && fault.getCause() instanceof IOException unreachable) {
            return "the department could not be reached: " + unreachable.getClass().getSimpleName();
        }
        if (cause instanceof Fault fault && fault.getCause() != null) {
            return "the department's answer could not be read: " + fault.getCause().getClass().getSimpleName() + ": "
                    + fault.getCause().getMessage();
        }
        if (cause instanceof SoapFault fault) {
            return "the department answered a SOAP fault (" + fault.getFaultCode().getLocalPart() + ")";
        }
        if (cause instanceof Fault fault) {
            String message = String.valueOf(fault.getMessage());
            int sentence = message.indexOf(". ");
            return "Fault: " + (sentence < 0 ? message : message.substring(0, sentence + 1));
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return cause.getClass().getSimpleName() + ": " + message;
    }

    /**
     * The start of an HTTP department's fetch route: failures are retried as configured, and a 404 is the answer
     * "not found". Any other failure status is thrown by the HTTP call itself, so that a redelivery calls the
     * department again instead of re-checking the same failed response.
     */
    protected ProcessorDefinition<?> httpFetch(String fetchUri) {
        return from(fetchUri).routeId(routeIdOf(fetchUri))
                .errorHandler(departmentRedelivery())
                .onException(HttpOperationFailedException.class).onWhen(DepartmentRouteBuilder::notFoundStatus)
                    .handled(true).maximumRedeliveries(0)
                    .setBody(constant(LookupResult.notFound(source)))
                .end();
    }

    /** For HTTP departments: the call failed because the department does not know the subject (404). */
    protected static boolean notFoundStatus(Exchange exchange) {
        HttpOperationFailedException failure = exchange.getException(HttpOperationFailedException.class);
        return failure != null && failure.getStatusCode() == 404;
    }

    protected static String routeIdOf(String directUri) {
        return directUri.substring(directUri.indexOf(':') + 1);
    }
}

package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.audit.DepartmentCalls;
import io.tongban.routes.audit.ExchangeContext;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * System verification (系统核验): asks every connector able to check an identity whether number and name belong
 * together; the record itself never leaves the department.
 */
@Service
public class IdentityCheckService {

    /** The verdict and the sources that gave it. */
    public record Verdict(boolean consistent, List<String> checkedBy) {
    }

    private final ConnectorRegistry connectors;
    private final FanOut fanOut;
    private final DepartmentCalls calls;
    private final long timeoutMs;

    public IdentityCheckService(ConnectorRegistry connectors, FanOut fanOut, DepartmentCalls calls,
                                @Value("${bus.lookup.timeout-ms}") long timeoutMs) {
        this.connectors = connectors;
        this.fanOut = fanOut;
        this.calls = calls;
        this.timeoutMs = timeoutMs;
    }

    public Verdict check(String idNumber, String name) {
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(SubjectType.PERSON, idNumber));
        List<ConnectorDescriptor> checkers = connectors.offering(Capability.IDENTITY_CHECK);
        List<String> endpoints = checkers.stream().map(c -> c.endpoint(Capability.IDENTITY_CHECK)).toList();
        List<FanOut.Reply<IdentityCheckResult>> replies = fanOut.ask(endpoints, new IdentityCheckRequest(idNumber, name),
                IdentityCheckResult.class);
        record(checkers, replies);
        List<IdentityCheckResult> answered = replies.stream().map(FanOut.Reply::answer)
                .filter(result -> result.consistent() != null).toList();
        if (answered.isEmpty()) {
            throw ApiProblem.sourcesUnavailable(checkers.stream().map(ConnectorDescriptor::source).toList());
        }
        boolean consistent = answered.stream().allMatch(IdentityCheckResult::consistent);
        return new Verdict(consistent, answered.stream().map(IdentityCheckResult::source).toList());
    }

    /** Every checker asked goes to the exchange log; the verdict is data too, so no field is named as returned. */
    private void record(List<ConnectorDescriptor> checkers, List<FanOut.Reply<IdentityCheckResult>> replies) {
        for (ConnectorDescriptor checker : checkers) {
            var reply = replies.stream().filter(r -> r.answer().source().equals(checker.source())).findFirst();
            boolean answered = reply.isPresent() && reply.get().answer().consistent() != null;
            calls.record(new DepartmentCalls.Call(checker.source(), "identity-check",
                    answered ? "OK" : "UNAVAILABLE", reply.map(FanOut.Reply::latencyMs).orElse(timeoutMs),
                    List.of(), null, answered ? null : "connector.unavailable"));
        }
    }
}

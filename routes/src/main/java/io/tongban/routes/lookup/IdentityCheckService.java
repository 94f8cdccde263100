package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.routes.api.ApiProblem;
import java.util.List;
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

    public IdentityCheckService(ConnectorRegistry connectors, FanOut fanOut) {
        this.connectors = connectors;
        this.fanOut = fanOut;
    }

    public Verdict check(String idNumber, String name) {
        List<ConnectorDescriptor> checkers = connectors.offering(Capability.IDENTITY_CHECK);
        List<String> endpoints = checkers.stream().map(c -> c.endpoint(Capability.IDENTITY_CHECK)).toList();
        List<IdentityCheckResult> answered = fanOut.ask(endpoints, new IdentityCheckRequest(idNumber, name),
                IdentityCheckResult.class).stream().filter(result -> result.consistent() != null).toList();
        if (answered.isEmpty()) {
            throw ApiProblem.sourcesUnavailable(checkers.stream().map(ConnectorDescriptor::source).toList());
        }
        boolean consistent = answered.stream().allMatch(IdentityCheckResult::consistent);
        return new Verdict(consistent, answered.stream().map(IdentityCheckResult::source).toList());
    }
}

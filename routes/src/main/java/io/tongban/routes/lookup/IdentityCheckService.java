package io.tongban.routes.lookup;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.routes.api.ApiProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
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
    private final ProducerTemplate camel;

    public IdentityCheckService(ConnectorRegistry connectors, ProducerTemplate camel) {
        this.connectors = connectors;
        this.camel = camel;
    }

    public Verdict check(String idNumber, String name) {
        List<ConnectorDescriptor> checkers = connectors.offering(Capability.IDENTITY_CHECK);
        String recipients = checkers.stream().map(c -> c.endpoint(Capability.IDENTITY_CHECK)).collect(Collectors.joining(","));
        List<?> answers = recipients.isEmpty() ? List.of() : camel.requestBodyAndHeader(FanOutRoutes.FAN_OUT,
                new IdentityCheckRequest(idNumber, name), FanOutRoutes.RECIPIENTS, recipients, List.class);
        List<IdentityCheckResult> answered = answers.stream().map(IdentityCheckResult.class::cast)
                .filter(result -> result.consistent() != null).toList();
        if (answered.isEmpty()) {
            throw ApiProblem.sourcesUnavailable(checkers.stream().map(ConnectorDescriptor::source).toList());
        }
        boolean consistent = answered.stream().allMatch(IdentityCheckResult::consistent);
        return new Verdict(consistent, answered.stream().map(IdentityCheckResult::source).toList());
    }
}

package io.tongban.connectors;

import io.tongban.mappings.SourceRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Test stand-in for the core's change endpoints ({@link ConnectorDescriptor#CHANGES_ENDPOINT} and
 * {@link ConnectorDescriptor#REJECTIONS_ENDPOINT}), which live in the routes module: it only collects what the
 * change feeds deliver, so that tests can assert on it; and of the decision endpoints, where it collects decisions
 * and answers the highest position collected per department, as the core answers the last one it applied.
 */
@Component
public class CoreEndpointsStandIn extends RouteBuilder {

    private final List<SourceRecord> changes = new CopyOnWriteArrayList<>();
    private final List<RejectedChange> rejections = new CopyOnWriteArrayList<>();
    private final List<DepartmentDecision> decisions = new CopyOnWriteArrayList<>();

    @Override
    public void configure() {
        from(ConnectorDescriptor.CHANGES_ENDPOINT).routeId("bus.base.changes-stand-in")
                .process(e -> changes.add(e.getMessage().getMandatoryBody(SourceRecord.class)));
        from(ConnectorDescriptor.REJECTIONS_ENDPOINT).routeId("bus.base.change-rejected-stand-in")
                .process(e -> rejections.add(e.getMessage().getMandatoryBody(RejectedChange.class)));
        from(ConnectorDescriptor.DECISIONS_ENDPOINT).routeId("bus.submissions.decisions-stand-in")
                .process(e -> e.getMessage().getMandatoryBody(List.class).forEach(decision ->
                        decisions.add((DepartmentDecision) decision)));
        from(ConnectorDescriptor.DECISION_POSITION_ENDPOINT).routeId("bus.submissions.decision-position-stand-in")
                .process(e -> {
                    String source = e.getMessage().getMandatoryBody(String.class);
                    e.getMessage().setBody(decisions.stream().filter(d -> d.source().equals(source))
                            .mapToLong(DepartmentDecision::position).max().orElse(0));
                });
    }

    public List<SourceRecord> changes() {
        return List.copyOf(changes);
    }

    public List<DepartmentDecision> decisions() {
        return List.copyOf(decisions);
    }

    public List<RejectedChange> rejections() {
        return List.copyOf(rejections);
    }
}

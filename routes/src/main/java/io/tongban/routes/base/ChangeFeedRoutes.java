package io.tongban.routes.base;

import io.tongban.connectors.ConnectorDescriptor;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Where every connector's change feed lands: the shared base, or the rejection list. */
@Component
public class ChangeFeedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(ConnectorDescriptor.CHANGES_ENDPOINT).routeId("bus.base.changes")
                .bean(SourceRecordRepository.class, "applyChange");

        from(ConnectorDescriptor.REJECTIONS_ENDPOINT).routeId("bus.base.change-rejected")
                .bean(ChangeRejectionRepository.class, "save");
    }
}

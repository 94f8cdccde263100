package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.LookupResult;
import io.tongban.routes.lookup.FanOut;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FanOutTest extends SandboxedBusTest {

    @Autowired
    FanOut fanOut;

    @Autowired
    CamelContext camel;

    @Test
    @DisplayName("When no endpoint answers within the lookup timeout, the fan-out answers nothing (not the question)")
    void silentEndpointsGiveNoAnswers() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:test.silent-department").routeId("test.silent-department.lookup").delay(10_000);
            }
        });

        List<FanOut.Reply<LookupResult>> answers = fanOut.ask(List.of("direct:test.silent-department"), "440305198304261274",
                LookupResult.class);

        assertThat(answers).isEmpty();
    }
}

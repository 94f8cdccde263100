package io.tongban.routes.matters;

import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.routes.access.PurposeRegistry;
import io.tongban.routes.lookup.ConnectorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MatterConfiguration {

    @Bean
    MatterCatalogue matterCatalogue(PurposeRegistry purposes, ConnectorRegistry connectors, GoldenRecordMerger merger) {
        return MatterCatalogue.load(purposes, connectors, merger::fieldsOf);
    }
}

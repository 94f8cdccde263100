package io.tongban.routes;

import io.tongban.mappings.GoldenRecordMerger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The merge of department records by field authority, as the canonical model files describe it. */
@Configuration(proxyBeanMethods = false)
public class MergeConfiguration {

    @Bean
    GoldenRecordMerger goldenRecordMerger() {
        return GoldenRecordMerger.standard();
    }
}

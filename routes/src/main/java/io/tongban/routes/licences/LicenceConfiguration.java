package io.tongban.routes.licences;

import io.tongban.routes.matters.MatterCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LicenceConfiguration {

    @Bean
    LicenceTypes licenceTypes(MatterCatalogue matters) {
        return LicenceTypes.load(matters);
    }
}

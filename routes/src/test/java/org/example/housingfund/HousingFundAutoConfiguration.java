package org.example.housingfund;

import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.description.ConditionalOnConnector;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The housing fund's connector, found on the classpath by auto-configuration and on when its url is configured. */
@AutoConfiguration
@ConditionalOnConnector(HousingFundConnector.SOURCE)
public class HousingFundAutoConfiguration {

    @Bean
    HousingFundConnector housingFundConnector() {
        return new HousingFundConnector();
    }

    @Bean
    ConnectorDescriptor housingFundConnectorDescriptor() {
        return HousingFundConnector.descriptor();
    }
}

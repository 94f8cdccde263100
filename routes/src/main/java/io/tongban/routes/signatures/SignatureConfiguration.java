package io.tongban.routes.signatures;

import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.DemoPki;
import io.tongban.security.pki.PkiConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The bus's signing and verification service over its PKI: the demo one, or the configured one. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SignatureConfiguration {

    @Bean
    BusPki busPki(SignatureProperties properties, @Value("${bus.data-dir}") Path dataDir) {
        char[] password = properties.keystorePassword().toCharArray();
        if (properties.demo()) {
            return DemoPki.loadOrCreate(dataDir, password, Clock.systemUTC());
        }
        return BusPki.fromConfiguration(new PkiConfiguration(properties.keystores(), password,
                properties.trustAnchors(), properties.intermediates(), properties.crls()), Clock.systemUTC());
    }

    @Bean
    SignatureService signatureService(BusPki pki, SignatureProperties properties) {
        SignatureSettings settings = properties.externalTsaUrl() == null ? SignatureSettings.defaults()
                : SignatureSettings.defaults().withExternalTsa(properties.externalTsaUrl());
        return new SignatureService(pki, settings, Clock.systemUTC());
    }

    /** Keeps the CRLs this bus issues current: each is re-signed once half its validity has passed. */
    @Bean
    CrlRefresher crlRefresher(SignatureService signatures) {
        return new CrlRefresher(signatures);
    }

    record CrlRefresher(SignatureService signatures) {
        @Scheduled(fixedDelayString = "${bus.security.crl-refresh-interval:PT1H}")
        void refresh() {
            signatures.refreshCrls();
        }
    }
}

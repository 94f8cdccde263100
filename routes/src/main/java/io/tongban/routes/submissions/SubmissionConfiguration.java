package io.tongban.routes.submissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.audit.SubmissionEntries;
import io.tongban.routes.licences.LicenceIssuer;
import io.tongban.routes.lookup.ConnectorRegistry;
import io.tongban.routes.matters.MatterCatalogue;
import io.tongban.routes.supervision.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc,
                                    @Value("${bus.submissions.idempotency-key-validity}") Duration validity) {
        return new IdempotencyKeys(jdbc, validity, Clock.systemUTC());
    }

    @Bean
    SubmissionIntake submissionIntake(ApplicationPlanner planner, IdempotencyKeys keys, SubjectHasher hasher,
                                      WorkingCalendar calendar, JdbcTemplate jdbc, TransactionTemplate transactions,
                                      ObjectMapper json) {
        return new SubmissionIntake(planner, keys, hasher, calendar, jdbc, transactions, json, Clock.systemUTC());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerTemplate producer) {
        return new OutboxRelay(jdbc, transactions, producer, Clock.systemUTC());
    }

    @Bean
    OutboxRelayRoute outboxRelayRoute(OutboxRelay relay) {
        return new OutboxRelayRoute(relay);
    }

    @Bean
    DepartmentTasks departmentTasks(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json,
                                    ConnectorRegistry connectors) {
        DepartmentTasks tasks = new DepartmentTasks(jdbc, transactions, json, Clock.systemUTC());
        tasks.placePositions(connectors.offering(Capability.DECISION_FEED).stream().map(ConnectorDescriptor::source)
                .toList());
        return tasks;
    }

    @Bean
    DepartmentWork departmentWork(DepartmentTasks tasks, SubmissionEntries entries, TransactionTemplate transactions,
                                  ObjectMapper json, MatterCatalogue catalogue, LicenceIssuer licences,
                                  MeterRegistry meters) {
        return new DepartmentWork(tasks, entries, transactions, json, catalogue, licences, meters);
    }

    @Bean
    DepartmentWorkRoutes departmentWorkRoutes(ConnectorRegistry connectors, DepartmentWork work) {
        return new DepartmentWorkRoutes(connectors, work);
    }

    /**
     * The embedded broker's redelivery of the departments' queues: a failed delivery comes back after a delay that
     * doubles up to a ceiling, and after the configured attempts goes to the dead-letter queue. An external broker
     * needs the same address settings (see the README).
     */
    @Bean
    ArtemisConfigurationCustomizer submissionRedelivery(
            @Value("${bus.submissions.delivery.attempts}") int attempts,
            @Value("${bus.submissions.delivery.first-retry-after}") Duration firstRetry,
            @Value("${bus.submissions.delivery.max-retry-after}") Duration maxRetry) {
        return configuration -> {
            configuration.addAddressSetting(OutboxRelay.QUEUE_PREFIX + "#", new AddressSettings()
                    .setRedeliveryDelay(firstRetry.toMillis())
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(maxRetry.toMillis())
                    .setMaxDeliveryAttempts(attempts)
                    .setDeadLetterAddress(SimpleString.of(DepartmentWorkRoutes.DEAD_LETTERS)));
            configuration.addQueueConfiguration(QueueConfiguration.of(DepartmentWorkRoutes.DEAD_LETTERS)
                    .setRoutingType(RoutingType.ANYCAST));
        };
    }

    @Bean
    ExpiredKeys expiredKeys(IdempotencyKeys keys) {
        return new ExpiredKeys(keys);
    }

    /** Forgets expired Idempotency-Keys now and then (an expired key already counts as unused). */
    record ExpiredKeys(IdempotencyKeys keys) {
        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
        void purge() {
            keys.purgeExpired();
        }
    }
}

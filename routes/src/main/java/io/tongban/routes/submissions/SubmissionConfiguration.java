package io.tongban.routes.submissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.supervision.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
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
    OutboxRelay outboxRelay(JdbcTemplate jdbc, ProducerTemplate producer) {
        return new OutboxRelay(jdbc, producer, Clock.systemUTC());
    }

    @Bean
    OutboxRelayRoute outboxRelayRoute(OutboxRelay relay) {
        return new OutboxRelayRoute(relay);
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

package io.tongban.routes.supervision;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionConfiguration.class);

    @Bean
    DeadlineChecker deadlineChecker(JdbcTemplate jdbc, TransactionTemplate transactions, WorkingCalendar calendar,
                                    SupervisionEvents events,
                                    @Value("${bus.supervision.reminder-share:0.8}") double reminderShare) {
        return new DeadlineChecker(jdbc, transactions, calendar, events, reminderShare);
    }

    @Bean
    ScheduledDeadlineCheck scheduledDeadlineCheck(DeadlineChecker checker) {
        return new ScheduledDeadlineCheck(checker, Clock.systemUTC());
    }

    /** Runs the deadline check on every node; the checker's guarded updates keep each event single. */
    record ScheduledDeadlineCheck(DeadlineChecker checker, Clock clock) {
        @Scheduled(fixedDelayString = "${bus.supervision.check-interval:PT1M}",
                initialDelayString = "${bus.supervision.check-interval:PT1M}")
        void check() {
            DeadlineChecker.Pass pass = checker.check(clock.instant());
            if (pass.reminders() > 0 || pass.overdue() > 0) {
                LOG.info("Deadline check: {} reminder(s), {} task(s) newly overdue", pass.reminders(), pass.overdue());
            }
        }
    }
}

package io.tongban.routes.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
class CalendarConfiguration {

    /**
     * The working-day calendar ({@code bus.calendar.*}).
     *
     * @param zone               where the matters are handled
     * @param holidays           public holidays on weekdays (dates, ISO)
     * @param workingWeekendDays weekend days made working days by the published schedule (调休)
     */
    @ConfigurationProperties("bus.calendar")
    record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue List<LocalDate> holidays,
                              @DefaultValue List<LocalDate> workingWeekendDays) {
    }

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties) {
        return new WorkingCalendar(Set.copyOf(properties.holidays()),
                Set.copyOf(properties.workingWeekendDays()), properties.zone(), Clock.systemUTC());
    }
}

package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Promises in working days: counted from the day after acceptance, weekends and holidays skipped, 调休 counted. */
class WorkingCalendarTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    @DisplayName("A promise counts working days from the day after acceptance and skips the weekend")
    void skipsWeekends() {
        WorkingCalendar calendar = calendar(Set.of(), Set.of());

        assertThat(calendar.promisedBy(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 12, 7)); // Monday
        assertThat(calendar.promisedBy(FRIDAY, 5)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(calendar.promisedBy(FRIDAY.minusDays(1), 1)).isEqualTo(FRIDAY);
    }

    @Test
    @DisplayName("A configured holiday is skipped and a configured working weekend day counts")
    void holidaysAndMakeUpDays() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        LocalDate saturday = LocalDate.of(2026, 12, 5);

        assertThat(calendar(Set.of(monday), Set.of()).promisedBy(FRIDAY, 1)).isEqualTo(monday.plusDays(1));
        assertThat(calendar(Set.of(), Set.of(saturday)).promisedBy(FRIDAY, 1)).isEqualTo(saturday);
        assertThatThrownBy(() -> calendar(Set.of(), Set.of()).promisedBy(FRIDAY, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WorkingCalendar calendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        return new WorkingCalendar(holidays, workingWeekendDays, ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    }
}

package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    @Test
    @DisplayName("Working days after a day are counted up to and including the last; moving a date by working days skips the weekend")
    void countingAndMovingWorkingDays() {
        WorkingCalendar calendar = calendar(Set.of(LocalDate.of(2026, 12, 8)), Set.of());

        assertThat(calendar.workingDaysAfter(FRIDAY, FRIDAY)).isZero();
        assertThat(calendar.workingDaysAfter(FRIDAY, LocalDate.of(2026, 12, 7))).isEqualTo(1); // the weekend not
        assertThat(calendar.workingDaysAfter(FRIDAY, LocalDate.of(2026, 12, 9))).isEqualTo(2); // the holiday not
        assertThat(calendar.workingDaysAfter(FRIDAY, FRIDAY.minusDays(3))).isZero();
        assertThat(calendar.plusWorkingDays(FRIDAY, 0)).isEqualTo(FRIDAY);
        assertThat(calendar.plusWorkingDays(FRIDAY, 2)).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    @DisplayName("Working time counts the hours of working days in the calendar's zone only; a promised day ends at midnight there")
    void workingTimeInTheZone() {
        WorkingCalendar calendar = calendar(Set.of(), Set.of());
        Instant fridayTenInShanghai = Instant.parse("2026-12-04T02:00:00Z");

        assertThat(calendar.endOf(FRIDAY)).isEqualTo(Instant.parse("2026-12-04T16:00:00Z"));
        assertThat(calendar.dayOf(Instant.parse("2026-12-04T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(calendar.workingTime(fridayTenInShanghai, calendar.endOf(FRIDAY))).isEqualTo(Duration.ofHours(14));
        // Friday 10:00 to Monday 10:00: 14 hours of Friday, none of the weekend, 10 of Monday
        assertThat(calendar.workingTime(fridayTenInShanghai, fridayTenInShanghai.plus(Duration.ofDays(3))))
                .isEqualTo(Duration.ofHours(24));
        assertThat(calendar.workingTime(fridayTenInShanghai, fridayTenInShanghai.minusSeconds(1))).isZero();
    }

    private static WorkingCalendar calendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        return new WorkingCalendar(holidays, workingWeekendDays, ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    }
}

package io.tongban.routes.supervision;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working days as the promises of matters count them (行政许可法: time limits in working days, public holidays not
 * counted): Monday to Friday, less the configured holidays, plus the weekend days the State Council's schedule
 * makes working days (调休). The schedule is published each year and kept as configuration, not in code.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;
    private final Clock clock;
    private final ZoneId zone;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays, ZoneId zone, Clock clock) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
        this.zone = zone;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workingWeekendDays.contains(day);
    }

    /** The day a promise of {@code workingDays} ends for what was accepted on {@code accepted}: counted from the next day. */
    public LocalDate promisedBy(LocalDate accepted, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a promise is at least one working day: " + workingDays);
        }
        LocalDate day = accepted;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Today where the matters are handled. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

package io.tongban.routes.supervision;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
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
        return plusWorkingDays(accepted, workingDays);
    }

    /** The working day that is {@code workingDays} working days after {@code day}; {@code day} itself for none. */
    public LocalDate plusWorkingDays(LocalDate day, int workingDays) {
        LocalDate later = day;
        for (int counted = 0; counted < workingDays; ) {
            later = later.plusDays(1);
            if (isWorkingDay(later)) {
                counted++;
            }
        }
        return later;
    }

    /** How many working days lie after {@code after} up to and including {@code through} (none when not later). */
    public int workingDaysAfter(LocalDate after, LocalDate through) {
        int count = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(through); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * How much of the time from {@code from} to {@code to} falls on working days (whole calendar days in the zone):
     * the clock of a promise, which does not run on weekends and holidays.
     */
    public Duration workingTime(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant cursor = from;
        for (LocalDate day = dayOf(from); cursor.isBefore(to); day = day.plusDays(1)) {
            Instant end = endOf(day);
            Instant until = end.isBefore(to) ? end : to;
            if (isWorkingDay(day)) {
                total = total.plus(Duration.between(cursor, until));
            }
            cursor = until;
        }
        return total;
    }

    /** The moment {@code day} ends where the matters are handled: a promise "by" that day is kept until then. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day it is at {@code at} where the matters are handled. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Today where the matters are handled. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

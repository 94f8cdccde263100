package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.SandboxedBusTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline check of the running bus, on its database, at moments the test chooses (in 2030, which the bus's own
 * scheduled check does not reach): reminders at 80% of the working time, overdue after the promised day, once each.
 */
class SupervisionDeadlineCheckTest extends SandboxedBusTest {

    // Monday 4 March 2030, 10:00 in Shanghai; promised by Friday: 14 hours of Monday and four whole days, 110 hours
    private static final Instant MONDAY_TEN = Instant.parse("2030-03-04T02:00:00Z");
    private static final LocalDate FRIDAY = LocalDate.of(2030, 3, 8);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DeadlineChecker checker;
    @Autowired
    private SupervisionEvents events;
    private TaskRows rows;
    private String department;

    @BeforeEach
    void rows() {
        rows = new TaskRows(jdbc);
        department = "deadline-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("An open task is reminded once when 88 of its 110 working hours have passed, and marked overdue once when its promised day has ended in Shanghai; a decided task is left alone")
    void reminderAndOverdueOnceEach() {
        String open = rows.submission(MONDAY_TEN, FRIDAY);
        rows.task(open, department, FRIDAY);
        String decided = rows.submission(MONDAY_TEN, FRIDAY);
        rows.decided(decided, department, "APPROVED", FRIDAY, MONDAY_TEN.plusSeconds(3600));

        checker.check(Instant.parse("2030-03-07T17:59:00Z")); // Friday 01:59 in Shanghai: 87 hours 59 minutes
        assertThat(rows.events(open, department, "REMINDER")).isZero();
        Instant reminded = Instant.parse("2030-03-07T18:01:00Z");
        checker.check(reminded);
        checker.check(Instant.parse("2030-03-08T15:59:00Z")); // Friday 23:59 in Shanghai: still on time
        assertThat(rows.events(open, department, "REMINDER")).isEqualTo(1);
        assertThat(rows.events(open, department, "OVERDUE")).isZero();
        Instant overdue = Instant.parse("2030-03-08T16:00:00Z"); // Saturday 00:00 in Shanghai
        checker.check(overdue);
        checker.check(overdue.plusSeconds(86_400));

        assertThat(events.events(open)).containsExactly(new SupervisionEvent(reminded, "REMINDER", department),
                new SupervisionEvent(overdue, "OVERDUE", department));
        assertThat(jdbc.queryForObject("SELECT reminded_at FROM department_task WHERE submission_id = ?",
                Timestamp.class, open).toInstant()).isEqualTo(reminded);
        assertThat(jdbc.queryForObject("SELECT overdue_at FROM department_task WHERE submission_id = ?",
                Timestamp.class, open).toInstant()).isEqualTo(overdue);
        assertThat(events.events(decided)).isEmpty();
    }

    @Test
    @DisplayName("The weekend does not count towards the share: accepted Friday 10:00 and promised by Tuesday, 62 working hours, the reminder comes on Tuesday at 11:36, not on Monday evening")
    void weekendNotCounted() {
        Instant fridayTen = Instant.parse("2030-03-08T02:00:00Z");
        LocalDate tuesday = LocalDate.of(2030, 3, 12);
        String id = rows.submission(fridayTen, tuesday);
        rows.task(id, department, tuesday);

        checker.check(Instant.parse("2030-03-11T12:00:00Z")); // Monday 20:00: 80% of the calendar time has passed
        checker.check(Instant.parse("2030-03-12T03:35:00Z")); // Tuesday 11:35: 49 h 35 of 62 working hours
        assertThat(events.events(id)).isEmpty();
        checker.check(Instant.parse("2030-03-12T03:37:00Z"));

        assertThat(events.events(id)).extracting(SupervisionEvent::event).isEqualTo(List.of("REMINDER"));
    }
}

package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.MigrationDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervision statements on each database the bus runs on (the HTTP tests run on H2 only): a paused clock
 * resumed, the overdue list and the statistics read from the same tasks.
 */
class SupervisionDatabaseTest {

    private static final String DEPARTMENT = "tax";
    // accepted Monday 4 March 2030 in Shanghai, promised by Friday; the owed material comes on Wednesday
    private static final Instant ACCEPTED = Instant.parse("2030-03-04T02:00:00Z");
    private static final LocalDate FRIDAY = LocalDate.of(2030, 3, 8);
    private static final Instant WEDNESDAY = Instant.parse("2030-03-06T02:00:00Z");
    private static final LocalDate NEXT_MONDAY = LocalDate.of(2030, 3, 11);

    @Test
    @DisplayName("On H2, a resumed clock moves the promise by the working days it stood still, and the reports agree")
    void h2(@TempDir Path directory) {
        resumeAndReport(MigrationDatabase.h2(directory));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
    @DisplayName("On PostgreSQL, a resumed clock moves the promise by the working days it stood still, and the reports agree")
    void postgres() {
        resumeAndReport(MigrationDatabase.postgres("supervision"));
    }

    private void resumeAndReport(MigrationDatabase database) {
        database.migrateTo("latest");
        JdbcTemplate jdbc = database.jdbc();
        TaskRows rows = new TaskRows(jdbc);
        WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        SupervisionReports reports = new SupervisionReports(jdbc, calendar);
        String owing = rows.submission(ACCEPTED, FRIDAY);
        rows.task(owing, DEPARTMENT, FRIDAY);
        rows.pending(owing, "domicile-proof", FRIDAY);
        String running = rows.submission(ACCEPTED, FRIDAY);
        rows.task(running, DEPARTMENT, FRIDAY);

        assertThat(reports.overdue(NEXT_MONDAY, DEPARTMENT, 10).tasks()).extracting(OverdueTasks.Task::submissionId)
                .containsExactly(running);
        jdbc.update("UPDATE submission_material SET satisfied_by = 'UPLOAD' WHERE submission_id = ?", owing);
        PausedClocks.Resumed resumed = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .execute(status -> new PausedClocks(jdbc, calendar, new SupervisionEvents(jdbc))
                        .resume(owing, List.of("domicile-proof"), WEDNESDAY));

        LocalDate tuesday = LocalDate.of(2030, 3, 12); // Tuesday and Wednesday stood still
        assertThat(resumed).isEqualTo(new PausedClocks.Resumed(2, tuesday, java.util.Map.of(DEPARTMENT, tuesday)));
        assertThat(new SupervisionEvents(jdbc).events(owing)).containsExactly(
                new SupervisionEvent(ACCEPTED, "PAUSED", DEPARTMENT), new SupervisionEvent(WEDNESDAY, "RESUMED", DEPARTMENT));
        assertThat(reports.overdue(NEXT_MONDAY, DEPARTMENT, 10).tasks()).extracting(OverdueTasks.Task::submissionId)
                .containsExactly(running);
        assertThat(reports.overdue(tuesday.plusDays(1), DEPARTMENT, 1).tasks()).extracting(OverdueTasks.Task::submissionId)
                .containsExactly(running);
        assertThat(reports.statistics(NEXT_MONDAY).departments()).containsExactly(
                new SupervisionStatistics.Department(DEPARTMENT, 2, 2, 0, 0, 1, 0, null));
    }
}

package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.routes.MigrationDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two bus nodes run the deadline check at the same moment on one database, each on its own connection, over the
 * same tasks all due for a reminder and overdue: each event is written exactly once, and each node counts only the
 * marks it won.
 */
class SupervisionConcurrencyTest {

    private static final int SUBMISSIONS = 25;
    private static final List<String> DEPARTMENTS = List.of("market-supervision", "tax");
    // accepted Monday 4 March 2030, 10:00 in Shanghai, promised by Friday; checked on the Saturday after
    private static final Instant ACCEPTED = Instant.parse("2030-03-04T02:00:00Z");
    private static final LocalDate PROMISED = LocalDate.of(2030, 3, 8);
    private static final Instant SATURDAY = Instant.parse("2030-03-09T01:00:00Z");

    @Test
    @DisplayName("On H2, two checkers at once write each task's REMINDER and OVERDUE exactly once")
    void h2(@TempDir Path directory) throws Exception {
        concurrentChecks(MigrationDatabase.h2(directory));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TONGBAN_TEST_POSTGRES_URL", matches = ".+")
    @DisplayName("On PostgreSQL, two checkers at once write each task's REMINDER and OVERDUE exactly once")
    void postgres() throws Exception {
        concurrentChecks(MigrationDatabase.postgres("supervision"));
    }

    private void concurrentChecks(MigrationDatabase database) throws Exception {
        database.migrateTo("latest");
        JdbcTemplate jdbc = database.jdbc();
        TaskRows rows = new TaskRows(jdbc);
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String id = rows.submission(ACCEPTED, PROMISED);
            DEPARTMENTS.forEach(department -> rows.task(id, department, PROMISED));
            submissions.add(id);
        }
        List<DeadlineChecker> nodes = List.of(node(jdbc.getDataSource()), node(jdbc.getDataSource()));
        CyclicBarrier together = new CyclicBarrier(nodes.size());

        List<CompletableFuture<DeadlineChecker.Pass>> passes = nodes.stream().map(node -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return node.check(SATURDAY);
                })).toList();
        CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).join();

        int tasks = SUBMISSIONS * DEPARTMENTS.size();
        assertThat(passes.stream().mapToInt(pass -> pass.join().reminders()).sum()).isEqualTo(tasks);
        assertThat(passes.stream().mapToInt(pass -> pass.join().overdue()).sum()).isEqualTo(tasks);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_event", Long.class)).isEqualTo(2L * tasks);
        for (String id : submissions) {
            for (String department : DEPARTMENTS) {
                assertThat(rows.events(id, department, "REMINDER")).as(id + " " + department).isEqualTo(1);
                assertThat(rows.events(id, department, "OVERDUE")).as(id + " " + department).isEqualTo(1);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department_task WHERE reminded_at IS NULL"
                + " OR overdue_at IS NULL", Long.class)).isZero();
    }

    /** A bus node: a connection of its own to the shared database. */
    private static DeadlineChecker node(DataSource database) throws SQLException {
        Connection connection = database.getConnection();
        SingleConnectionDataSource own = new SingleConnectionDataSource(connection, true);
        WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        JdbcTemplate jdbc = new JdbcTemplate(own);
        return new DeadlineChecker(jdbc, new TransactionTemplate(new DataSourceTransactionManager(own)), calendar,
                new SupervisionEvents(jdbc), 0.8);
    }
}

package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What supervisors read over HTTP: the overdue tasks and each department's figures, for the auditor role only. */
class SupervisionApiTest extends SandboxedBusTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DeadlineChecker checker;
    private TaskRows rows;
    private String department;

    @BeforeEach
    void rows() {
        rows = new TaskRows(jdbc);
        department = "api-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("The overdue list names the open tasks past their promise, the longest overdue first, with the end of the promised day and the working days since; not the decided, the paused, or those due today")
    void overdueList() {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate weekAgo = today.minusDays(7);
        String longest = task(today.minusDays(9));
        String weekOverdue = task(weekAgo);
        String decided = rows.submission(Instant.now(), weekAgo);
        rows.decided(decided, department, "APPROVED", weekAgo, Instant.now());
        rows.pending(task(weekAgo), "domicile-proof", today);
        task(today);

        JsonNode all = auditor("/api/v1/supervision/overdue?department=" + department);
        JsonNode first = auditor("/api/v1/supervision/overdue?department=" + department + "&limit=1");

        assertThat(all.path("asOf").asText()).isEqualTo(today.toString());
        assertThat(all.path("tasks").findValuesAsText("submissionId")).containsExactly(longest, weekOverdue);
        JsonNode task = all.path("tasks").get(1);
        assertThat(task.path("matter").asText()).isEqualTo("company-establishment");
        assertThat(task.path("department").asText()).isEqualTo(department);
        assertThat(task.path("promisedBy").asText()).isEqualTo(weekAgo.toString());
        assertThat(task.path("overdueSince").asText())
                .isEqualTo(weekAgo.plusDays(1).atStartOfDay(SHANGHAI).toInstant().toString());
        assertThat(task.path("workingDaysOverdue").asInt()).isEqualTo(5); // any seven days hold five weekdays
        assertThat(first.path("tasks").findValuesAsText("submissionId")).containsExactly(longest);
        assertThat(auditor("/api/v1/supervision/overdue").path("tasks").findValuesAsText("submissionId"))
                .contains(longest, weekOverdue).doesNotContain(decided);
    }

    @Test
    @DisplayName("A limit outside 1 to 1000 is a 400 problem; a caller without the auditor role is refused")
    void refusals() {
        for (String limit : new String[] {"0", "1001", "many"}) {
            Answer answer = send(anonymousRequest("/api/v1/supervision/overdue?limit=" + limit)
                    .header("Authorization", "Bearer " + token(Role.AUDITOR)).GET().build());
            assertThat(answer.status()).as(limit).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("code").asText()).isEqualTo("api.invalid_request");
        }
        for (String path : new String[] {"/api/v1/supervision/overdue", "/api/v1/supervision/statistics"}) {
            Answer platform = get(path);
            assertThat(platform.status()).as(path).isEqualTo(403);
            assertThat(platform.body().path("code").asText()).isEqualTo("access.forbidden");
        }
    }

    @Test
    @DisplayName("Statistics count per department: tasks, open, decided by the end of the promised day in Shanghai or later, open overdue (not while paused), reminders the check sent, and the average working days to decide")
    void statistics() {
        Instant mondayTen = Instant.parse("2026-11-02T02:00:00Z");
        LocalDate friday = LocalDate.of(2026, 11, 6);
        decided(mondayTen, friday, "APPROVED", Instant.parse("2026-11-04T06:00:00Z")); // Wednesday: 2 working days
        decided(mondayTen, friday, "APPROVED", Instant.parse("2026-11-06T15:59:59Z")); // Friday 23:59:59: on time, 4
        decided(mondayTen, friday, "REJECTED", Instant.parse("2026-11-06T16:00:00Z")); // Saturday 00:00: late, 4
        rows.task(rows.submission(mondayTen, friday), department, friday); // open, overdue
        rows.task(rows.submission(mondayTen, LocalDate.of(2099, 1, 1)), department, LocalDate.of(2099, 1, 1));
        String paused = rows.submission(mondayTen, friday);
        rows.task(paused, department, friday);
        rows.pending(paused, "domicile-proof", LocalDate.of(2026, 11, 9));
        checker.check(Instant.now());

        JsonNode statistics = auditor("/api/v1/supervision/statistics");

        JsonNode figures = null;
        for (JsonNode candidate : statistics.path("departments")) {
            if (candidate.path("department").asText().equals(department)) {
                figures = candidate;
            }
        }
        assertThat(figures).as(statistics.toString()).isNotNull();
        assertThat(figures.path("tasks").asLong()).isEqualTo(6);
        assertThat(figures.path("open").asLong()).isEqualTo(3);
        assertThat(figures.path("decidedOnTime").asLong()).isEqualTo(2);
        assertThat(figures.path("decidedLate").asLong()).isEqualTo(1);
        assertThat(figures.path("openOverdue").asLong()).isEqualTo(1);
        assertThat(figures.path("remindersSent").asLong()).isEqualTo(1);
        assertThat(figures.path("averageWorkingDaysToDecide").asDouble()).isEqualTo(3.3);
    }

    private String task(LocalDate promisedBy) {
        String id = rows.submission(promisedBy.minusDays(3).atStartOfDay(SHANGHAI).toInstant(), promisedBy);
        rows.task(id, department, promisedBy);
        return id;
    }

    private void decided(Instant accepted, LocalDate promisedBy, String outcome, Instant at) {
        rows.decided(rows.submission(accepted, promisedBy), department, outcome, promisedBy, at);
    }

    private JsonNode auditor(String path) {
        Answer answer = send(anonymousRequest(path).header("Authorization", "Bearer " + token(Role.AUDITOR)).GET()
                .build());
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}

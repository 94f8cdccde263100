package io.tongban.routes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.access.Role;
import io.tongban.routes.audit.SubjectHasher;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 容缺受理 over HTTP: a submission accepted a week ago with the proof of domicile owed. While it is owed the clock
 * stands still; once the platform supplies it, the promise moves later by the working days that passed.
 */
class SupervisionPauseTest extends SandboxedBusTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FOUNDER = "440305198304261274";
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DeadlineChecker checker;
    @Autowired
    private SupervisionEvents events;
    @Autowired
    private SubjectHasher hasher;

    @Test
    @DisplayName("Owed since a week ago, a task promised for the day after acceptance is not overdue; supplied now, its promise moves five working days (a week) later, and it falls overdue once only after that")
    void notOverdueWhilePausedAndMovedAfterSupply() {
        String department = "pause-test-" + UUID.randomUUID().toString().substring(0, 8);
        Instant accepted = Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        LocalDate promised = nextWeekday(LocalDate.ofInstant(accepted, SHANGHAI));
        TaskRows rows = new TaskRows(jdbc);
        String id = rows.submission(accepted, promised, TaskRows.PLATFORM, hasher.hash(FOUNDER));
        rows.task(id, department, promised);
        rows.pending(id, "domicile-proof", promised.plusDays(7));

        checker.check(Instant.now());
        assertThat(events.events(id)).isEmpty();
        assertThat(overdue(department)).isEmpty();

        String material = uploadMaterial(Role.PLATFORM, "domicile-proof", FOUNDER, "application/pdf", PDF).body()
                .path("id").asText();
        Answer supplied = send(request("/api/v1/submissions/" + id + "/materials/domicile-proof")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"material\":\"" + material + "\"}")).build());

        assertThat(supplied.status()).as(supplied.body().toString()).isEqualTo(200);
        LocalDate moved = promised.plusDays(7); // five working days after a weekday: the same weekday a week later
        assertThat(supplied.body().path("stillOwed").size()).isZero();
        assertThat(supplied.body().path("resumed").path("workingDays").asInt()).isEqualTo(5);
        assertThat(supplied.body().path("resumed").path("departments").path(department).asText())
                .isEqualTo(moved.toString());
        assertThat(jdbc.queryForObject("SELECT promised_by FROM department_task WHERE submission_id = ?",
                java.sql.Date.class, id).toLocalDate()).isEqualTo(moved);
        assertThat(jdbc.queryForObject("SELECT promised_by FROM submission WHERE id = ?", java.sql.Date.class, id)
                .toLocalDate()).isEqualTo(promised.plusDays(7));
        assertThat(jdbc.queryForList("SELECT satisfied_by || ' ' || material_id FROM submission_material"
                + " WHERE submission_id = ?", String.class, id)).containsExactly("UPLOAD " + material);

        checker.check(Instant.now());
        assertThat(overdue(department)).isEmpty();
        Instant end = moved.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        checker.check(end);
        checker.check(end.plusSeconds(60));

        List<SupervisionEvent> timeline = events.events(id);
        assertThat(timeline).extracting(SupervisionEvent::event)
                .containsExactly("PAUSED", "RESUMED", "REMINDER", "OVERDUE");
        assertThat(timeline.get(0).at()).isEqualTo(accepted);
        assertThat(timeline).extracting(SupervisionEvent::department).containsOnly(department);
        JsonNode status = get("/api/v1/submissions/" + id).body();
        assertThat(status.path("timeline").findValuesAsText("event"))
                .contains("PAUSED", "RESUMED", "REMINDER", "OVERDUE");
    }

    private JsonNode overdue(String department) {
        Answer answer = send(anonymousRequest("/api/v1/supervision/overdue?department=" + department)
                .header("Authorization", "Bearer " + token(Role.AUDITOR)).GET().build());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("tasks");
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}

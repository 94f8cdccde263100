package io.tongban.routes.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The open tasks past their promise as of a day, the longest overdue first. */
public record OverdueTasks(LocalDate asOf, List<Task> tasks) {

    /**
     * @param overdueSince       when the promised day ended where the matters are handled
     * @param workingDaysOverdue working days since then, up to and including {@code asOf}
     */
    public record Task(String submissionId, String matter, String department, LocalDate promisedBy,
                       Instant overdueSince, int workingDaysOverdue) {
    }
}

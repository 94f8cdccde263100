package io.tongban.routes.supervision;

import java.time.Instant;

/**
 * Something supervision noticed about a submission's task, for the submission's timeline.
 *
 * @param event REMINDER, OVERDUE, PAUSED or RESUMED
 */
public record SupervisionEvent(Instant at, String event, String department) {
}

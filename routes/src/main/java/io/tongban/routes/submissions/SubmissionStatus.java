package io.tongban.routes.submissions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a submission stands (进度跟踪): overall, at each department with its promised date, how each material was
 * satisfied or is owed, and the case's timeline.
 */
public record SubmissionStatus(String id, String matter, String status, String caseReference, Instant acceptedAt,
                               LocalDate promisedBy, List<DepartmentTask> departments, List<MaterialState> materials,
                               List<Event> timeline) {

    public record DepartmentTask(String department, String status, LocalDate promisedBy) {
    }

    public record MaterialState(String code, String satisfiedBy, String material, String department,
                                LocalDate pendingUntil) {
    }

    public record Event(Instant at, String event, String department) {
    }
}

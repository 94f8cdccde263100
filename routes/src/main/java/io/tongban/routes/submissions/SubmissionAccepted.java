package io.tongban.routes.submissions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to an accepted application: its id, how each material was satisfied (what was reused), what is owed and
 * by when, and the day each department and the whole application promise to be done.
 */
public record SubmissionAccepted(String id, String matter, String status, List<SubmissionPreview.Plan> materials,
                                 Map<String, LocalDate> pending, Map<String, LocalDate> departments,
                                 LocalDate promisedBy) {
}

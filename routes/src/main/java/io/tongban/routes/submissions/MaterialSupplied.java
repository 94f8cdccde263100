package io.tongban.routes.submissions;

import io.tongban.routes.supervision.PausedClocks;
import java.util.List;

/**
 * A pending material taken into its submission.
 *
 * @param stillOwed the materials the applicant still owes; while any is, the clocks stand still
 * @param resumed   once none is owed: how many working days were not counted and the promises moved by them
 */
public record MaterialSupplied(String submission, String code, String material, List<String> stillOwed,
                               PausedClocks.Resumed resumed) {
}

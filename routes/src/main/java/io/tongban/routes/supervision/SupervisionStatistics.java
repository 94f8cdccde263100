package io.tongban.routes.supervision;

import java.time.LocalDate;
import java.util.List;

/** How each department keeps its promises (超时问效), as of a day. */
public record SupervisionStatistics(LocalDate asOf, List<Department> departments) {

    /**
     * @param open                       tasks not decided yet (queued, delivered, or given up on delivery)
     * @param decidedOnTime              decided by the end of the promised day
     * @param openOverdue                open past the promised day, their clock running
     * @param averageWorkingDaysToDecide from acceptance to decision, less the working days the clock stood still;
     *                                   absent before the first decision
     */
    public record Department(String department, long tasks, long open, long decidedOnTime, long decidedLate,
                             long openOverdue, long remindersSent, Double averageWorkingDaysToDecide) {
    }
}

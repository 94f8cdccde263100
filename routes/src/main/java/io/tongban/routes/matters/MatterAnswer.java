package io.tongban.routes.matters;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tongban.routes.supervision.WorkingCalendar;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A matter of the catalogue with what it would promise if accepted today: the day each department's promise ends
 * and the day the whole application is done (the departments work in parallel, so the latest of them).
 */
public record MatterAnswer(@JsonUnwrapped Matter matter, Promise promise) {

    /** The promise of an application accepted on {@code ifAcceptedOn}, in the working-day calendar. */
    public record Promise(LocalDate ifAcceptedOn, Map<String, LocalDate> departments, LocalDate completeBy) {
    }

    public static MatterAnswer of(Matter matter, WorkingCalendar calendar) {
        LocalDate today = calendar.today();
        Map<String, LocalDate> departments = new LinkedHashMap<>();
        LocalDate completeBy = today;
        for (Matter.ResponsibleDepartment department : matter.departments()) {
            LocalDate by = calendar.promisedBy(today, department.workingDays());
            departments.put(department.department(), by);
            completeBy = by.isAfter(completeBy) ? by : completeBy;
        }
        return new MatterAnswer(matter, new Promise(today, departments, completeBy));
    }
}

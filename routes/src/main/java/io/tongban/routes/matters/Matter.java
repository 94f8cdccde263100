package io.tongban.routes.matters;

import io.tongban.mappings.SubjectType;
import java.util.List;

/**
 * A matter of the catalogue (事项): who applies, on what legal basis, the applicant's fields that pre-fill its form,
 * the departments that process it in parallel,
 * the materials it needs and the licence an approval issues (none for some matters).
 */
public record Matter(String code, String name, SubjectType applicant, String legalBasis, List<String> formFields,
                     List<ResponsibleDepartment> departments, List<RequiredMaterial> materials, IssuedLicence issues) {

    public Matter {
        formFields = formFields == null ? List.of() : List.copyOf(formFields);
        departments = List.copyOf(departments);
        materials = List.copyOf(materials);
    }

    /** A department that processes the matter, within its promised time in working days. */
    public record ResponsibleDepartment(String department, int workingDays) {
    }

    /**
     * A material the matter needs: its sources in the order they are tried, and whether it may follow the
     * application (容缺受理) and within how many working days.
     */
    public record RequiredMaterial(String code, String name, List<MaterialSource> sources,
                                   boolean pendingAllowed,
                                   Integer pendingWorkingDays) {
    }

    /** The licence an approval issues, and the department that issues it. */
    public record IssuedLicence(String licenceType, String name, String issuer) {
    }
}

package io.tongban.routes.matters;

import io.tongban.mappings.SubjectType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    /**
     * The licence the issuer's approval issues, and where its holder's code and name, its number and its data fields
     * come from: {@code applicant}, {@code form.<field>} or {@code result.<name>} (see {@link #SOURCE}).
     */
    public record IssuedLicence(String licenceType, String name, String issuer, String holderCode, String holderName,
                                String number, Map<String, String> fields) {

        public static final Pattern SOURCE =
                Pattern.compile("applicant|form\\.[A-Za-z][A-Za-z0-9]*|result\\.[A-Za-z][A-Za-z0-9]*");

        public IssuedLicence {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }
}

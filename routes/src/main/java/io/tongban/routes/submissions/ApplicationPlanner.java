package io.tongban.routes.submissions;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.api.ReleasedLookups;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.licences.ReusableLicences;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.materials.ReusableMaterials;
import io.tongban.routes.matters.MaterialSource;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.matters.MatterAnswer;
import io.tongban.routes.matters.MatterCatalogue;
import io.tongban.routes.supervision.WorkingCalendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Plans an application, for its preview and for its intake alike: each required material is satisfied by the first
 * of its sources that can, in the catalogue's order (system verification at intake; a licence of the applicant in
 * force in the e-licence base, or an earlier signed material of the same holder, unless declined; a material
 * uploaded for this application). A preview also pre-fills the form from the shared base (表单云).
 */
@Service
class ApplicationPlanner {

    private final MatterCatalogue catalogue;
    private final ReusableMaterials materials;
    private final WorkingCalendar calendar;
    private final ReusableLicences licences;
    private final ReleasedLookups lookups;

    ApplicationPlanner(MatterCatalogue catalogue, ReusableMaterials materials, ReusableLicences licences,
                       WorkingCalendar calendar, ReleasedLookups lookups) {
        this.catalogue = catalogue;
        this.materials = materials;
        this.licences = licences;
        this.calendar = calendar;
        this.lookups = lookups;
    }

    /** The plan, with the form pre-filled from the shared base as released for the stated purpose. */
    @SuppressWarnings("unchecked")
    SubmissionPreview preview(PreviewRequest request, String purpose) {
        SubmissionPreview plan = plan(request.matter(), request.applicant(), request.declineReuse(), Map.of());
        Matter matter = matter(request.matter());
        if (matter.formFields().isEmpty()) {
            return plan;
        }
        Holder applicant = Holder.of(request.applicant());
        SubmissionPreview.Form form;
        try {
            Map<String, Object> view = lookups.lookup(applicant.type(), applicant.identifier(),
                    new LinkedHashSet<>(matter.formFields()), purpose);
            Map<String, Object> values = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) view.get("fields")).forEach((field, value) -> {
                if (matter.formFields().contains(field)) {
                    values.put(field, value.get("value"));
                }
            });
            form = new SubmissionPreview.Form(values, (List<Map<String, String>>) view.get("withheld"), null);
        } catch (ApiProblem nothing) {
            form = new SubmissionPreview.Form(Map.of(), List.of(), nothing.error().code());
        }
        return new SubmissionPreview(plan.matter(), plan.materials(), plan.missing(), plan.pending(), plan.promise(),
                form);
    }

    /**
     * @param uploaded material ids by material code, uploaded for this application; each must be the applicant's
     *                 and of that type
     */
    SubmissionPreview plan(String matterCode, String applicantInput, List<String> declineReuse,
                           Map<String, String> uploaded) {
        Matter matter = matter(matterCode);
        Holder applicant = Holder.of(applicantInput);
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(applicant.type(), applicant.identifier()));
        if (applicant.type() != matter.applicant()) {
            throw new ApiProblem(ErrorCode.WRONG_APPLICANT, "Matter " + matter.code() + " is applied for by a "
                    + matter.applicant() + ", not a " + applicant.type());
        }
        List<SubmissionPreview.Plan> plans = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Matter.RequiredMaterial material : matter.materials()) {
            SubmissionPreview.Plan plan = plan(material, applicantInput, declineReuse, uploaded.get(material.code()));
            plans.add(plan);
            if (plan.satisfiedBy() == null) {
                (material.pendingAllowed() ? pending : missing).add(material.code());
            }
        }
        return new SubmissionPreview(matter.code(), plans, missing, pending, MatterAnswer.of(matter, calendar).promise(),
                SubmissionPreview.Form.none());
    }

    Matter matter(String code) {
        return catalogue.find(code).orElseThrow(() -> new ApiProblem(ErrorCode.UNKNOWN_MATTER,
                "No matter of the catalogue has this code (GET /api/v1/matters lists them)"));
    }

    private SubmissionPreview.Plan plan(Matter.RequiredMaterial material, String applicant, List<String> declineReuse,
                                        String uploaded) {
        List<MaterialSource.FileKind> upload = List.of();
        for (MaterialSource source : material.sources()) {
            switch (source.type()) {
                case SYSTEM_VERIFICATION -> {
                    return new SubmissionPreview.Plan(material.code(), material.name(), source.type(), source.grade(),
                            source.department(), null, null, null, List.of(), material.pendingAllowed());
                }
                case E_LICENCE -> {
                    Optional<ReusableLicences.Reusable> licence = declineReuse.contains(material.code())
                            ? Optional.empty() : licences.find(applicant, source.licenceType());
                    if (licence.isPresent()) {
                        return new SubmissionPreview.Plan(material.code(), material.name(), source.type(),
                                source.grade(), null, null, licence.get().identifier(), licence.get().region(),
                                List.of(), material.pendingAllowed());
                    }
                }
                case REUSE -> {
                    Optional<ReusableMaterials.Reusable> earlier = declineReuse.contains(material.code())
                            ? Optional.empty() : materials.find(applicant, material.code());
                    if (earlier.isPresent()) {
                        return new SubmissionPreview.Plan(material.code(), material.name(), source.type(),
                                source.grade(), null, earlier.get().id(), null, earlier.get().acceptedBy(), List.of(),
                                material.pendingAllowed());
                    }
                }
                case UPLOAD -> {
                    if (uploaded != null && materials.belongsTo(applicant, uploaded, material.code())) {
                        return new SubmissionPreview.Plan(material.code(), material.name(), source.type(),
                                source.grade(), null, uploaded, null, null, List.of(), material.pendingAllowed());
                    }
                    upload = source.files();
                }
            }
        }
        return new SubmissionPreview.Plan(material.code(), material.name(), null, null, null, null, null, null, upload,
                material.pendingAllowed());
    }
}

package io.tongban.routes.submissions;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.materials.ReusableMaterials;
import io.tongban.routes.matters.MaterialSource;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.matters.MatterAnswer;
import io.tongban.routes.matters.MatterCatalogue;
import io.tongban.routes.supervision.WorkingCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Plans an application before it is submitted: each required material is satisfied by the first of its sources
 * that can, in the catalogue's order (system verification at intake, then an earlier signed material of the same
 * holder unless declined, else an upload). E-licences are not held by the bus yet, so that source never satisfies.
 */
@Service
class SubmissionPreviewer {

    private final MatterCatalogue catalogue;
    private final ReusableMaterials reusable;
    private final WorkingCalendar calendar;

    SubmissionPreviewer(MatterCatalogue catalogue, ReusableMaterials reusable, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.reusable = reusable;
        this.calendar = calendar;
    }

    SubmissionPreview preview(PreviewRequest request) {
        Matter matter = catalogue.find(request.matter()).orElseThrow(() -> new ApiProblem(ErrorCode.UNKNOWN_MATTER,
                "No matter of the catalogue has this code (GET /api/v1/matters lists them)"));
        Holder applicant = Holder.of(request.applicant());
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(applicant.type(), applicant.identifier()));
        if (applicant.type() != matter.applicant()) {
            throw new ApiProblem(ErrorCode.WRONG_APPLICANT, "Matter " + matter.code() + " is applied for by a "
                    + matter.applicant() + ", not a " + applicant.type());
        }
        List<SubmissionPreview.Plan> plans = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Matter.RequiredMaterial material : matter.materials()) {
            SubmissionPreview.Plan plan = plan(material, request);
            plans.add(plan);
            if (plan.satisfiedBy() == null) {
                (material.pendingAllowed() ? pending : missing).add(material.code());
            }
        }
        return new SubmissionPreview(matter.code(), plans, missing, pending, MatterAnswer.of(matter, calendar).promise());
    }

    private SubmissionPreview.Plan plan(Matter.RequiredMaterial material, PreviewRequest request) {
        List<MaterialSource.FileKind> upload = List.of();
        for (MaterialSource source : material.sources()) {
            switch (source.type()) {
                case SYSTEM_VERIFICATION -> {
                    return new SubmissionPreview.Plan(material.code(), material.name(), source.type(), source.grade(),
                            source.department(), null, List.of(), material.pendingAllowed());
                }
                case REUSE -> {
                    Optional<String> earlier = request.declineReuse().contains(material.code()) ? Optional.empty()
                            : reusable.find(request.applicant(), material.code());
                    if (earlier.isPresent()) {
                        return new SubmissionPreview.Plan(material.code(), material.name(), source.type(),
                                source.grade(), null, earlier.get(), List.of(), material.pendingAllowed());
                    }
                }
                case UPLOAD -> upload = source.files();
                case E_LICENCE -> {
                    // no e-licence base yet: the next source is tried
                }
            }
        }
        return new SubmissionPreview.Plan(material.code(), material.name(), null, null, null, null, upload,
                material.pendingAllowed());
    }
}

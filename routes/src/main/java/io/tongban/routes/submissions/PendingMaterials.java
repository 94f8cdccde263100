package io.tongban.routes.submissions;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.materials.ReusableMaterials;
import io.tongban.routes.supervision.PausedClocks;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Materials accepted pending (容缺受理) that the applicant brings later: each is checked to be the applicant's and of
 * the type owed, then taken into the submission by a guarded update; with the last of them the tasks' clocks resume.
 */
@Service
class PendingMaterials {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReusableMaterials materials;
    private final PausedClocks clocks;
    private final Clock clock = Clock.systemUTC();

    PendingMaterials(JdbcTemplate jdbc, TransactionTemplate transactions, ReusableMaterials materials,
                     PausedClocks clocks) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.materials = materials;
        this.clocks = clocks;
    }

    /**
     * @param consumer the caller; only the consumer that submitted it may complete a submission
     * @throws ApiProblem {@code submission.not_found}, {@code submission.material_not_pending} or
     *                    {@code submission.material_unsuitable}
     */
    MaterialSupplied supply(String submission, String code, String material, String consumer) {
        return transactions.execute(status -> {
            // the submission's row lock orders supplies of its materials, so that exactly one of them sees the last
            // owed material come and resumes the clocks
            List<String> applicant = jdbc.queryForList("SELECT applicant_hash FROM submission WHERE id = ?"
                    + " AND consumer = ? FOR UPDATE", String.class, submission, consumer);
            if (applicant.isEmpty()) {
                throw new ApiProblem(ErrorCode.SUBMISSION_NOT_FOUND, "This consumer submitted no submission with this id");
            }
            if (!jdbc.queryForList("SELECT satisfied_by FROM submission_material WHERE submission_id = ? AND code = ?",
                    String.class, submission, code).contains("PENDING")) {
                throw new ApiProblem(ErrorCode.MATERIAL_NOT_PENDING, "This submission owes no material '" + code
                        + "' (GET /api/v1/submissions/" + submission + " shows its materials)");
            }
            if (!materials.belongsToHash(applicant.get(0), material, code)) {
                throw new ApiProblem(ErrorCode.MATERIAL_UNSUITABLE, "Material " + material + " is not a '" + code
                        + "' uploaded for this submission's applicant (POST /api/v1/materials)");
            }
            jdbc.update("UPDATE submission_material SET satisfied_by = 'UPLOAD', material_id = ? WHERE submission_id = ?"
                    + " AND code = ? AND satisfied_by = 'PENDING'", material, submission, code);
            List<String> stillOwed = jdbc.queryForList("SELECT code FROM submission_material WHERE submission_id = ?"
                    + " AND satisfied_by = 'PENDING' ORDER BY code", String.class, submission);
            if (!stillOwed.isEmpty()) {
                return new MaterialSupplied(submission, code, material, stillOwed, null);
            }
            // intake gives a date only to the materials it accepted pending
            List<String> owed = jdbc.queryForList("SELECT code FROM submission_material WHERE submission_id = ?"
                    + " AND pending_until IS NOT NULL ORDER BY code", String.class, submission);
            return new MaterialSupplied(submission, code, material, stillOwed, clocks.resume(submission, owed,
                    clock.instant()));
        });
    }
}

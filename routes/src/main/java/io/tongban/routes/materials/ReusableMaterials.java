package io.tongban.routes.materials;

import io.tongban.routes.audit.SubjectHasher;
import io.tongban.security.SignatureService;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.revocation.RevocationStatus;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The earlier material a holder may reuse for a type: the newest one whose window signature still verifies, with
 * its signer's certificate not revoked now (a material signed by a since-revoked window is asked for again).
 */
@Service
public class ReusableMaterials {

    private final MaterialRepository materials;
    private final SignatureService signatures;
    private final SubjectHasher hasher;

    ReusableMaterials(MaterialRepository materials, SignatureService signatures, SubjectHasher hasher) {
        this.materials = materials;
        this.signatures = signatures;
        this.hasher = hasher;
    }

    /** Whether the material with this id is the holder's and of this type (a material uploaded for an application). */
    public boolean belongsTo(String holder, String id, String type) {
        return belongsToHash(hasher.hash(Holder.of(holder).identifier()), id, type);
    }

    /**
     * The same for a holder known only by its keyed hash (as a submission keeps its applicant).
     *
     * @param holderHash the {@link SubjectHasher#hash} of the holder's canonical identifier
     */
    public boolean belongsToHash(String holderHash, String id, String type) {
        return materials.find(id, holderHash).filter(material -> material.type().equals(type)).isPresent();
    }

    /** A material to reuse, and the window that accepted it. */
    public record Reusable(String id, String acceptedBy) {
    }

    /** The material to reuse, if any. */
    public Optional<Reusable> find(String holder, String type) {
        String holderHash = hasher.hash(Holder.of(holder).identifier());
        for (MaterialRepository.Signed candidate : materials.signedOf(holderHash, type)) {
            VerificationReport report = signatures.verify(candidate.content(), candidate.signature());
            if (report.isValid() && report.revocation() != null
                    && report.revocation().state() == RevocationStatus.State.GOOD) {
                return Optional.of(new Reusable(candidate.id(), candidate.acceptedBy()));
            }
        }
        return Optional.empty();
    }
}

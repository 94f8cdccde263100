package io.tongban.routes.licences;

import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.supervision.WorkingCalendar;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The e-licence a holder may reuse for a type: the newest one in force (not revoked, not expired) whose signature
 * verifies now against this bus's or a recognised region's trust anchors, signed by the issuer it names.
 */
@Service
public class ReusableLicences {

    /** A licence to reuse, and where it comes from ({@code local} or the recognised region). */
    public record Reusable(String identifier, String region) {
    }

    private final LicenceTypes types;
    private final LicenceRepository licences;
    private final LicenceVerifier verifier;
    private final SubjectHasher hasher;
    private final WorkingCalendar calendar;

    ReusableLicences(LicenceTypes types, LicenceRepository licences, LicenceVerifier verifier, SubjectHasher hasher,
                     WorkingCalendar calendar) {
        this.types = types;
        this.licences = licences;
        this.verifier = verifier;
        this.hasher = hasher;
        this.calendar = calendar;
    }

    public Optional<Reusable> find(String holder, String licenceType) {
        String typeCode = types.named(licenceType).orElseThrow().typeCode();
        return licences.inForce(hasher.hash(Holder.of(holder).identifier()), typeCode, calendar.today()).stream()
                .map(verifier::check)
                .filter(LicenceCheck::valid)
                .map(check -> new Reusable(check.identifier(), check.region()))
                .findFirst();
    }
}

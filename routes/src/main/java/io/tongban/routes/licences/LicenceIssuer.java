package io.tongban.routes.licences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.supervision.WorkingCalendar;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.pki.CertificateNames;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues the e-licence an approval entails: the document as the matter's catalogue entry says where each part comes
 * from, signed by the issuing department's own key (detached CMS over its RFC 8785 form, timestamped), stored in
 * the e-licence base. Called in the transaction that applies the approval, so that it happens exactly once with it.
 */
@Service
public class LicenceIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceIssuer.class);
    private static final String FIRST_VERSION = "001";

    private final LicenceTypes types;
    private final LicenceRepository licences;
    private final SignatureService signatures;
    private final SubjectHasher hasher;
    private final WorkingCalendar calendar;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    LicenceIssuer(LicenceTypes types, LicenceRepository licences, SignatureService signatures, SubjectHasher hasher,
                  WorkingCalendar calendar, ObjectMapper json) {
        this.types = types;
        this.licences = licences;
        this.signatures = signatures;
        this.hasher = hasher;
        this.calendar = calendar;
        this.json = json;
    }

    /**
     * @param applicant the applicant's identifier, as the department received it
     * @param form      the application's form
     * @param results   what the issuer's approval produced
     * @return the identifier of the licence issued; empty when the approval lacks what the licence needs (logged)
     */
    public Optional<String> issue(String submission, Matter.IssuedLicence spec, String applicant,
                                  Map<String, Object> form, Map<String, String> results) {
        LicenceType type = types.named(spec.licenceType()).orElseThrow();
        List<StoredLicence> issued = licences.issuedFor(submission);
        if (issued.stream().anyMatch(licence -> licence.licenceType().equals(type.code()))) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("applicant", applicant);
        form.forEach((field, value) -> values.put("form." + field, value == null ? null : String.valueOf(value)));
        results.forEach((name, value) -> values.put("result." + name, value));
        String holderCode = values.get(spec.holderCode());
        String number = values.get(spec.number());
        if (holderCode == null || number == null || values.get(spec.holderName()) == null) {
            LOG.error("Cannot issue the {} of submission {}: the approval or the form lacks {}", type.code(),
                    submission, List.of(spec.holderCode(), spec.holderName(), spec.number()));
            return Optional.empty();
        }
        Holder holder = Holder.of(holderCode);
        SignatureAlgorithm algorithm = signatures.settings().defaultAlgorithm();
        X509Certificate issuerCertificate = signatures.certificate(spec.issuer(), algorithm);
        String issuerCode = CertificateNames.subjectAttribute(issuerCertificate, BCStyle.ORGANIZATION_IDENTIFIER);
        LicenceIdentifier identifier = new LicenceIdentifier(type.typeCode(), issuerCode,
                submission.replace("-", "").substring(0, 16).toUpperCase(), FIRST_VERSION);
        Map<String, String> data = new LinkedHashMap<>();
        spec.fields().forEach((field, source) -> {
            if (values.get(source) != null) {
                data.put(field, values.get(source));
            }
        });
        LocalDate issuedOn = calendar.today();
        LocalDate validUntil = type.validUntil(issuedOn);
        LicenceDocument document = new LicenceDocument(type.name(), type.typeCode(), number, identifier.toString(),
                new LicenceDocument.Party(CertificateNames.subjectAttribute(issuerCertificate, BCStyle.O), issuerCode),
                issuedOn, validUntil == null ? LicenceDocument.INDEFINITE : validUntil.toString(),
                new LicenceDocument.Party(values.get(spec.holderName()), holder.identifier()), data);
        String canonical = canonical(document);
        byte[] signature = signatures.signJson(spec.issuer(), algorithm, canonical);
        licences.insert(new StoredLicence(identifier.toString(), type.code(), LicenceRepository.LOCAL, spec.issuer(),
                submission, canonical, signature, issuedOn, validUntil, "VALID", null, null, clock.instant()),
                type.typeCode(), hasher.hash(holder.identifier()), issuerCode);
        LOG.info("{} issued {} {} for submission {}", spec.issuer(), type.code(), identifier, submission);
        return Optional.of(identifier.toString());
    }

    /** The licences a submission's approval issued. */
    public List<Issued> issuedFor(String submission) {
        return licences.issuedFor(submission).stream().map(licence -> new Issued(licence.identifier(),
                licence.licenceType(), licence.issuedBy(), licence.storedAt())).toList();
    }

    /** A licence an approval issued, and when. */
    public record Issued(String identifier, String licenceType, String issuedBy, Instant issuedAt) {
    }

    private String canonical(LicenceDocument document) {
        try {
            return JsonCanonicalizer.canonicalizeToString(json.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a licence document", e);
        }
    }
}

package io.tongban.routes.licences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.materials.Holder;
import io.tongban.routes.supervision.WorkingCalendar;
import io.tongban.security.canonical.JsonCanonicalizer;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-licence base (电子证照库) as the API offers it: a holder's licences, one licence with its signature, its
 * public status, its verification, revocation by its issuer, and licences from recognised regions taken in.
 */
@Service
class LicenceBase {

    private final LicenceRepository licences;
    private final LicenceTypes types;
    private final LicenceVerifier verifier;
    private final SubjectHasher hasher;
    private final WorkingCalendar calendar;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    LicenceBase(LicenceRepository licences, LicenceTypes types, LicenceVerifier verifier, SubjectHasher hasher,
                WorkingCalendar calendar, ObjectMapper json) {
        this.licences = licences;
        this.types = types;
        this.verifier = verifier;
        this.hasher = hasher;
        this.calendar = calendar;
        this.json = json;
    }

    List<Licence> ofHolder(String holderInput) {
        Holder holder = Holder.of(holderInput);
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(holder.type(), holder.identifier()));
        return licences.ofHolder(hasher.hash(holder.identifier())).stream().map(this::view).toList();
    }

    Licence licence(String identifier) {
        StoredLicence licence = stored(identifier);
        LicenceDocument document = document(licence.documentJson());
        Holder holder = Holder.of(document.holder().code());
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(holder.type(), holder.identifier()));
        return view(licence);
    }

    LicenceStatus status(String identifier) {
        StoredLicence licence = stored(identifier);
        return new LicenceStatus(licence.identifier(), licence.licenceType(), licence.statusOn(calendar.today()),
                licence.validUntil() == null ? LicenceDocument.INDEFINITE : licence.validUntil().toString(),
                licence.revokedAt(), licence.revocationReason());
    }

    LicenceCheck verification(String identifier) {
        return verifier.check(stored(identifier));
    }

    /** Revokes a licence for its issuing department; a licence from another region is revoked there. */
    @Transactional
    LicenceStatus revoke(String identifier, String department, Revocation revocation) {
        if (revocation == null || revocation.reason() == null || revocation.reason().isBlank()
                || revocation.reason().length() > 500) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "A revocation states its reason (1 to 500 characters)");
        }
        StoredLicence licence = stored(identifier);
        if (!department.equals(licence.issuedBy())) {
            throw new ApiProblem(ErrorCode.NOT_THE_ISSUER, licence.issuedBy() == null
                    ? "This licence was issued in " + licence.region() + " and is revoked there"
                    : "Only its issuer, " + licence.issuedBy() + ", may revoke this licence");
        }
        if (!licences.revoke(identifier, revocation.reason().strip(), clock.instant())) {
            throw new ApiProblem(ErrorCode.LICENCE_ALREADY_REVOKED, "This licence was revoked before");
        }
        return status(identifier);
    }

    /**
     * Takes in a licence issued elsewhere once its signature verifies against this bus's or a recognised region's
     * trust anchors and its signer is the issuer it names; it is then reused like one of our own.
     */
    @Transactional
    Licence take(LicenceImport request) {
        if (request == null || request.document() == null || !request.document().isObject()
                || request.signature() == null) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "An import gives the licence's document (an object) and"
                    + " its signature (base64)");
        }
        String canonical = JsonCanonicalizer.canonicalizeToString(request.document().toString());
        LicenceDocument document = document(canonical);
        LicenceIdentifier identifier;
        try {
            identifier = LicenceIdentifier.parse(document.identifier());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ErrorCode.INVALID_LICENCE_IDENTIFIER, "The licence's identifier is "
                    + e.getMessage());
        }
        if (document.issuer() == null || document.holder() == null || document.issuedOn() == null
                || !identifier.typeCode().equals(document.typeCode())
                || !identifier.issuerCreditCode().equals(document.issuer().code())) {
            throw new ApiProblem(ErrorCode.INVALID_LICENCE, "A licence names its issuer, holder and issue date, and"
                    + " its identifier carries its own type code and its issuer's credit code");
        }
        LicenceType type = types.withTypeCode(document.typeCode()).orElseThrow(() -> new ApiProblem(
                ErrorCode.UNKNOWN_LICENCE_TYPE, "Type code " + document.typeCode() + " is no licence type of this base"));
        Holder holder = Holder.of(document.holder().code());
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(holder.type(), holder.identifier()));
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(request.signature());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ErrorCode.MALFORMED_REQUEST, "The signature is not base64");
        }
        LicenceCheck check = verifier.checkSignature(identifier.toString(), canonical, signature);
        if (!check.valid()) {
            throw new ApiProblem(ErrorCode.LICENCE_NOT_TRUSTED, check.reason(),
                    Map.of("verification", check.reasonCode()));
        }
        if (licences.find(identifier.toString()).isPresent()) {
            throw new ApiProblem(ErrorCode.LICENCE_EXISTS, "The base holds this licence already");
        }
        StoredLicence stored = new StoredLicence(identifier.toString(), type.code(), check.region(), null, null,
                canonical, signature, document.issuedOn(), document.lastValidDay(), "VALID", null, null,
                clock.instant());
        licences.insert(stored, type.typeCode(), hasher.hash(holder.identifier()), identifier.issuerCreditCode());
        return view(stored);
    }

    private StoredLicence stored(String identifier) {
        try {
            LicenceIdentifier.parse(identifier);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ErrorCode.INVALID_LICENCE_IDENTIFIER, "A licence identifier is " + e.getMessage());
        }
        return licences.find(identifier).orElseThrow(() -> new ApiProblem(ErrorCode.LICENCE_NOT_FOUND,
                "The base holds no licence with this identifier"));
    }

    private Licence view(StoredLicence licence) {
        try {
            return new Licence(licence.identifier(), licence.licenceType(), licence.statusOn(calendar.today()),
                    licence.region(), licence.issuedBy(), licence.submission(), json.readTree(licence.documentJson()),
                    Base64.getEncoder().encodeToString(licence.signature()), licence.revokedAt(),
                    licence.revocationReason());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored licence document is not JSON", e);
        }
    }

    private LicenceDocument document(String documentJson) {
        try {
            return json.readValue(documentJson, LicenceDocument.class);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(ErrorCode.INVALID_LICENCE, "The licence document does not have the GB/T 36903"
                    + " metadata this base reads: " + e.getOriginalMessage());
        }
    }
}

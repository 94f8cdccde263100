package io.tongban.routes.licences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.supervision.WorkingCalendar;
import io.tongban.security.SignatureService;
import io.tongban.security.canonical.JsonCanonicalizer;
import io.tongban.security.cms.CmsVerifier;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.PkiConfiguration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Verifies e-licences: the detached CMS signature over the document's RFC 8785 form against this bus's trust
 * anchors, else against each recognised region's (a licence from elsewhere is judged like our own); then that the
 * signing certificate belongs to the issuer the document names (by credit code), and the licence's status and
 * validity.
 */
@Service
public class LicenceVerifier {

    private final SignatureService signatures;
    private final Map<String, CmsVerifier> regions = new LinkedHashMap<>();
    private final WorkingCalendar calendar;
    private final ObjectMapper json;

    LicenceVerifier(SignatureService signatures, LicenceProperties properties, WorkingCalendar calendar,
                    ObjectMapper json) {
        this.signatures = signatures;
        this.calendar = calendar;
        this.json = json;
        for (LicenceProperties.Region region : properties.recognisedRegions()) {
            BusPki anchors = BusPki.fromConfiguration(new PkiConfiguration(Map.of(), new char[0], region.trustAnchors(),
                    region.intermediates(), region.crls()), Clock.systemUTC());
            regions.put(region.name(), new CmsVerifier(anchors.trustStore(), anchors.revocationChecker(),
                    signatures.settings().policy(), Clock.systemUTC()));
        }
    }

    LicenceCheck check(StoredLicence licence) {
        LicenceCheck signed = checkSignature(licence.identifier(), licence.documentJson(), licence.signature());
        String status = licence.statusOn(calendar.today());
        if (!signed.valid() || status.equals("VALID")) {
            return new LicenceCheck(signed.identifier(), signed.valid(), signed.reasonCode(), signed.reason(),
                    signed.region(), status, signed.signerIsIssuer(), signed.signature());
        }
        String code = status.equals("REVOKED") ? "licence.revoked" : "licence.expired";
        return new LicenceCheck(licence.identifier(), false, code, "The licence is " + status.toLowerCase()
                + (licence.revocationReason() == null ? "" : ": " + licence.revocationReason()), signed.region(),
                status, signed.signerIsIssuer(), signed.signature());
    }

    /** The signature of a document and whether its signer is the issuer it names; status is not judged here. */
    LicenceCheck checkSignature(String identifier, String documentJson, byte[] signature) {
        byte[] canonical = JsonCanonicalizer.canonicalize(documentJson);
        VerificationReport report = signatures.verify(canonical, signature);
        String region = LicenceRepository.LOCAL;
        for (var other = regions.entrySet().iterator(); !report.isValid() && other.hasNext(); ) {
            var candidate = other.next();
            VerificationReport elsewhere = candidate.getValue().verify(canonical, signature);
            if (elsewhere.isValid()) {
                report = elsewhere;
                region = candidate.getKey();
            }
        }
        if (!report.isValid()) {
            return new LicenceCheck(identifier, false, report.reasonCode(), report.reason(), null, null, false, report);
        }
        String issuer = issuerCode(documentJson);
        if (report.signer() == null || !issuer.equals(report.signer().creditCode())) {
            return new LicenceCheck(identifier, false, "licence.signer_not_issuer", "The licence names issuer "
                    + issuer + " but is signed by " + (report.signer() == null ? "nobody known"
                    : report.signer().creditCode()), region, null, false, report);
        }
        return new LicenceCheck(identifier, true, null, null, region, null, true, report);
    }

    private String issuerCode(String documentJson) {
        try {
            return json.readTree(documentJson).path("issuer").path("code").asText("");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored licence document is not JSON", e);
        }
    }
}

package io.tongban.routes.signatures;

import io.swagger.v3.oas.annotations.Operation;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.cms.VerificationReport;
import io.tongban.security.pki.PkiFiles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.cert.CRLException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Signatures anyone can verify: the verification report, and what a relying party needs to verify on its own. */
@RestController
public class SignatureController {

    /** A document and its detached CMS signature, both base64. */
    public record VerifyRequest(@NotBlank String document, @NotBlank String signature) {
    }

    private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    private static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final SignatureService signatures;

    public SignatureController(SignatureService signatures) {
        this.signatures = signatures;
    }

    @Operation(summary = "Verify a detached CMS signature over a document: a structured report with one verdict")
    @PostMapping(path = "/api/v1/signatures/verify", consumes = "application/json", produces = "application/json")
    public VerificationReport verify(@Valid @RequestBody VerifyRequest request) {
        return signatures.verify(base64("document", request.document()), base64("signature", request.signature()));
    }

    @Operation(summary = "The trust anchors (root certificates) of the bus PKI, PEM")
    @GetMapping(path = "/api/v1/trust-anchors", produces = "application/x-pem-file")
    public ResponseEntity<String> trustAnchors() {
        return ResponseEntity.ok().contentType(PEM).body(PkiFiles.toPem(signatures.trustAnchors().toArray()));
    }

    @Operation(summary = "The current CRL of the issuing CA of one algorithm family (sm2 or ecdsa), DER")
    @GetMapping(path = "/api/v1/crls/{algorithm}", produces = "application/pkix-crl")
    public ResponseEntity<byte[]> crl(@PathVariable String algorithm) throws CRLException {
        SignatureAlgorithm family = Arrays.stream(SignatureAlgorithm.values()).filter(a -> a.id().equals(algorithm))
                .findFirst().orElseThrow(() -> new ApiProblem(ErrorCode.NOT_FOUND, "No algorithm family " + algorithm
                        + "; known: " + Arrays.stream(SignatureAlgorithm.values()).map(SignatureAlgorithm::id).toList()));
        byte[] crl = signatures.currentCrl(family)
                .orElseThrow(() -> new ApiProblem(ErrorCode.NOT_FOUND, "This bus issues no " + algorithm + " CRL"))
                .getEncoded();
        return ResponseEntity.ok().contentType(PKIX_CRL).body(crl);
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, field + " is not valid base64");
        }
    }
}

package io.tongban.routes.licences;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The e-licence base over HTTP. */
@RestController
public class LicenceController {

    private final LicenceBase base;

    LicenceController(LicenceBase base) {
        this.base = base;
    }

    @Operation(summary = "A holder's e-licences, newest first, each with its document and signature")
    @GetMapping(path = "/api/v1/licences", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Licence> ofHolder(@RequestParam String holder) {
        return base.ofHolder(holder);
    }

    @Operation(summary = "An e-licence: its document exactly as signed, its detached CMS signature, its status")
    @GetMapping(path = "/api/v1/licences/{identifier}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Licence licence(@PathVariable String identifier) {
        return base.licence(identifier);
    }

    @Operation(summary = "Whether an e-licence is in force (public: anyone who holds its identifier may ask)")
    @GetMapping(path = "/api/v1/licences/{identifier}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public LicenceStatus status(@PathVariable String identifier) {
        return base.status(identifier);
    }

    @Operation(summary = "Verify an e-licence: signature, signer is its issuer, status and validity")
    @GetMapping(path = "/api/v1/licences/{identifier}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public LicenceCheck verification(@PathVariable String identifier) {
        return base.verification(identifier);
    }

    @Operation(summary = "Revoke an e-licence (its issuing department only)")
    @PostMapping(path = "/api/v1/licences/{identifier}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LicenceStatus revoke(@PathVariable String identifier, @RequestBody Revocation revocation,
                                Authentication caller) {
        return base.revoke(identifier, caller.getName(), revocation);
    }

    @Operation(summary = "Take in an e-licence issued in a recognised region (跨区域电子证照互认)")
    @PostMapping(path = "/api/v1/licences", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Licence> take(@RequestBody LicenceImport request) {
        Licence licence = base.take(request);
        return ResponseEntity.created(URI.create("/api/v1/licences/" + licence.identifier())).body(licence);
    }
}

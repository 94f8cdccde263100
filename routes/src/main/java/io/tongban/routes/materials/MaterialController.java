package io.tongban.routes.materials;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Materials accepted at the window, kept signed for their holder to reuse. */
@RestController
public class MaterialController {

    private final MaterialIntake intake;

    MaterialController(MaterialIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Accept a material (multipart: file, type, holder): content checked, signed, stored")
    @PostMapping(path = "/api/v1/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Material> accept(@RequestPart("file") MultipartFile file, @RequestParam String type,
                                           @RequestParam String holder, Authentication caller) throws IOException {
        Material material = intake.accept(type, holder, file.getBytes(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/materials/" + material.id())).body(material);
    }

    @Operation(summary = "A material of a holder (its description, digest and signature; not the file)")
    @GetMapping(path = "/api/v1/materials/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Material material(@PathVariable String id, @RequestParam String holder) {
        return intake.find(id, holder);
    }
}

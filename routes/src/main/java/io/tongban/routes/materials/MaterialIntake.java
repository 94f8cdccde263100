package io.tongban.routes.materials;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.Digests;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.audit.ExchangeContext;
import io.tongban.routes.audit.SubjectHasher;
import io.tongban.routes.matters.MatterCatalogue;
import io.tongban.routes.matters.MaterialSource.FileKind;
import io.tongban.security.SignatureService;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Accepts a material at the window: checks that the catalogue knows its type and takes it as an upload of its kind
 * (read from the bytes), signs the file as the accepting window, and stores file, digest and signature together.
 */
@Service
class MaterialIntake {

    private final MaterialRepository materials;
    private final MatterCatalogue catalogue;
    private final SignatureService signatures;
    private final SubjectHasher hasher;
    private final String signer;
    private final Clock clock = Clock.systemUTC();

    MaterialIntake(MaterialRepository materials, MatterCatalogue catalogue, SignatureService signatures,
                   SubjectHasher hasher, @Value("${bus.materials.signer}") String signer) {
        this.materials = materials;
        this.catalogue = catalogue;
        this.signatures = signatures;
        this.hasher = hasher;
        this.signer = signer;
    }

    Material accept(String type, String holder, byte[] content, String acceptedBy) {
        Holder owner = Holder.of(holder);
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(owner.type(), owner.identifier()));
        Set<FileKind> accepted = catalogue.uploadKinds(type);
        if (accepted.isEmpty()) {
            throw new ApiProblem(ErrorCode.UNKNOWN_MATERIAL_TYPE, "No matter of the catalogue takes an upload of"
                    + " material type '" + type + "'");
        }
        if (content.length == 0) {
            throw new ApiProblem(ErrorCode.EMPTY_MATERIAL, "The file is empty");
        }
        ContentKind kind = ContentKind.of(content).orElseThrow(() -> new ApiProblem(ErrorCode.UNRECOGNISED_CONTENT,
                "The file is neither a PDF, a PNG or JPEG image, nor a JSON document"));
        if (!accepted.contains(kind.kind())) {
            throw new ApiProblem(ErrorCode.KIND_NOT_ACCEPTED, "Material type '" + type + "' is taken as "
                    + accepted + ", and the file is " + kind.kind());
        }
        byte[] signature = signatures.sign(signer, content);
        Material material = new Material(UUID.randomUUID().toString(), type, owner.type(), kind.mediaType(),
                content.length, "sha256:" + Digests.sha256Hex(content), Base64.getEncoder().encodeToString(signature),
                signer, acceptedBy, clock.instant());
        materials.insert(material, hasher.hash(owner.identifier()), kind.kind().name(), content, signature);
        return material;
    }

    Material find(String id, String holder) {
        Holder owner = Holder.of(holder);
        ExchangeContext.current().ifPresent(exchange -> exchange.subject(owner.type(), owner.identifier()));
        return materials.find(id, hasher.hash(owner.identifier())).orElseThrow(() -> new ApiProblem(
                ErrorCode.MATERIAL_NOT_FOUND, "This holder has no material with this id"));
    }
}

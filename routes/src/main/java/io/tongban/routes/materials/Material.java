package io.tongban.routes.materials;

import io.tongban.mappings.SubjectType;
import java.time.Instant;

/**
 * A material as the API shows it: what it is and whose, its digest, and the accepting window's signature over the
 * file (detached CMS, base64), which anyone can check with {@code POST /api/v1/signatures/verify}.
 */
public record Material(String id, String type, SubjectType holderType, String mediaType, long size, String digest,
                       String signature, String signer, String acceptedBy, Instant acceptedAt) {
}

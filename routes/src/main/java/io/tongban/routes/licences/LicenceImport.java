package io.tongban.routes.licences;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A licence issued elsewhere, to be held in this base: the document as its issuer signed it and the detached CMS
 * signature over its RFC 8785 form (base64).
 */
public record LicenceImport(JsonNode document, String signature) {
}

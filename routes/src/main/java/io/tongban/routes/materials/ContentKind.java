package io.tongban.routes.materials;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.matters.MaterialSource.FileKind;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file is, read from its bytes (never from the name or the Content-Type the client sent): a PDF by its
 * header, a PNG or JPEG image by its signature, JSON by parsing all of it.
 */
record ContentKind(FileKind kind, String mediaType) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<ContentKind> of(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes())) {
            return Optional.of(new ContentKind(FileKind.PDF, "application/pdf"));
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(new ContentKind(FileKind.IMAGE, "image/png"));
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(new ContentKind(FileKind.IMAGE, "image/jpeg"));
        }
        return isJson(content) ? Optional.of(new ContentKind(FileKind.JSON, "application/json")) : Optional.empty();
    }

    private static boolean isJson(byte[] content) {
        try (JsonParser parser = JSON.getFactory().createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null; // nothing after the document
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}

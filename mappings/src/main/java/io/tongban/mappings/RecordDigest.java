package io.tongban.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The digest recorded in {@link Provenance}: "sha256:&lt;hex&gt;" of the raw department record
 * written as compact UTF-8 JSON with map keys sorted at every level, so that the same record
 * always gives the same digest whatever order the department sent its fields in.
 */
public final class RecordDigest {
    private static final ObjectMapper SORTED_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RecordDigest() {
    }

    public static String of(Map<String, ?> departmentRecord) {
        try {
            byte[] json = SORTED_JSON.writeValueAsString(departmentRecord).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new MappingException(MappingError.INVALID_VALUE,
                    "department record cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

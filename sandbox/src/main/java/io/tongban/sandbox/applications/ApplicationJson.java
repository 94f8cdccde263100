package io.tongban.sandbox.applications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON dialects' applications (market supervision, social security): one object, flat text fields. */
public final class ApplicationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApplicationJson() {
    }

    /**
     * @param fields the department's fields besides SQBH and SXBM
     * @throws IllegalArgumentException when the body is not a JSON object or lacks SQBH or SXBM
     */
    public static Application read(String body, List<String> fields) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        fields.forEach(field -> values.put(field, text(json, field)));
        return new Application(text(json, "SQBH"), text(json, "SXBM"), values);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}

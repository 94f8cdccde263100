package io.tongban.connectors.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.MappingException;
import io.tongban.mappings.RecordDigest;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SourceRecordJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mapping fixture of a department folder: {@code fixtures/<spec>-<case>.input.json}, a record as the
 * department sends it, and {@code <spec>-<case>.expected.json}, either the canonical record it maps to
 * (subjectType, subjectId, source, fields) or {@code {error, messageContains}}. Adding a case is adding two files.
 *
 * @param name     {@code <source>/<spec>-<case>}
 * @param spec     the classpath path of the spec it exercises
 * @param input    the classpath path of the input
 * @param expected the classpath path of the expectation
 */
public record FixtureCase(String name, String spec, String input, String expected) {

    private static final Instant RETRIEVED_AT = Instant.parse("2025-06-01T08:00:00Z");
    /** Numbers as the mapping engine reads department JSON: decimals keep their scale (5000000.00). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    /** The department's record. */
    public Map<String, Object> record() {
        try {
            return JSON.readValue(bytes(input), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(input, e);
        }
    }

    /** The expectation as a tree: {@code error} set for an error case. */
    public JsonNode expectation() {
        try {
            return JSON.readTree(bytes(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(expected, e);
        }
    }

    public boolean errorCase() {
        return expectation().has("error");
    }

    /** The expected canonical fields, in order, decimals with their scale. */
    public Map<String, Object> expectedFields() {
        try {
            return JSON.readValue(bytes(expected), ExpectedRecord.class).fields();
        } catch (IOException e) {
            throw new UncheckedIOException(expected, e);
        }
    }

    /** Maps the input with its spec and asserts the expected record, or the expected error. */
    public void check() {
        byte[] sent = bytes(input);
        Map<String, Object> record = record();
        JsonNode expectation = expectation();
        MappingEngine engine = MappingEngine.fromClasspath(spec);
        String digest = RecordDigest.of(sent);
        if (expectation.has("error")) {
            assertThatThrownBy(() -> engine.map(record, RETRIEVED_AT, digest))
                    .isInstanceOf(MappingException.class)
                    .satisfies(e -> assertThat(((MappingException) e).code()).isEqualTo(expectation.get("error").asText()))
                    .hasMessageContaining(expectation.path("messageContains").asText());
            return;
        }
        SourceRecord mapped = engine.map(record, RETRIEVED_AT, digest);
        assertThat(mapped.subjectType().name()).isEqualTo(expectation.get("subjectType").asText());
        assertThat(mapped.subjectId()).isEqualTo(expectation.get("subjectId").asText());
        assertThat(mapped.source()).isEqualTo(expectation.get("source").asText());
        assertThat(mapped.retrievedAt()).isEqualTo(RETRIEVED_AT);
        assertThat(mapped.digest()).as("the digest of what the department sent, as given").isEqualTo(digest);
        assertThat(mapped.fields()).containsExactlyEntriesOf(expectedFields());
        assertThat(SourceRecordJson.fromJson(SourceRecordJson.toJson(mapped))).as("lossless JSON round trip").isEqualTo(mapped);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The record part of an expected file. */
    record ExpectedRecord(String subjectType, String subjectId, String source, LinkedHashMap<String, Object> fields) {
    }
}

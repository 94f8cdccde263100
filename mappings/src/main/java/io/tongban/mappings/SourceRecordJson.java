package io.tongban.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Writes and reads {@link SourceRecord}s as JSON, the form the bus persists them in. Decimals come
 * back as BigDecimal with their scale, whole numbers as Long, so a record round-trips unchanged.
 */
public final class SourceRecordJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The persisted shape; kept apart from the model so that the model depends on nothing. */
    private record Stored(SubjectType subjectType, String subjectId, String source, Instant retrievedAt,
                          String digest, LinkedHashMap<String, Object> fields,
                          LinkedHashMap<String, Provenance> fieldProvenance) {
    }

    private SourceRecordJson() {
    }

    public static String toJson(SourceRecord record) {
        try {
            return MAPPER.writeValueAsString(new Stored(record.subjectType(), record.subjectId(), record.source(),
                    record.retrievedAt(), record.digest(), new LinkedHashMap<>(record.fields()),
                    new LinkedHashMap<>(record.fieldProvenance())));
        } catch (JsonProcessingException e) {
            throw new MappingException(MappingError.INVALID_VALUE,
                    "source record has a value JSON cannot hold: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws MappingException {@code mapping.invalid_value} when the text is no stored source record
     */
    public static SourceRecord fromJson(String json) {
        Stored stored;
        try {
            stored = MAPPER.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new MappingException(MappingError.INVALID_VALUE,
                    "not a stored source record: " + e.getOriginalMessage(), e);
        }
        if (stored == null || stored.subjectType() == null || stored.subjectId() == null
                || stored.source() == null || stored.retrievedAt() == null) {
            throw new MappingException(MappingError.INVALID_VALUE,
                    "stored source record lacks subjectType, subjectId, source or retrievedAt");
        }
        try {
            return new SourceRecord(stored.subjectType(), stored.subjectId(), stored.source(), stored.retrievedAt(),
                    stored.digest(), stored.fields(), stored.fieldProvenance());
        } catch (IllegalArgumentException e) {
            throw new MappingException(MappingError.INVALID_VALUE, "stored source record is inconsistent: " + e.getMessage(), e);
        }
    }
}

package io.tongban.mappings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Walks {@code departments/<source>/fixtures/<case>.input.json} with its {@code <case>.expected.json}: the case
 * name starts with the spec it exercises (person-..., legal-entity-...). The expected file holds
 * either the expected record (subjectType, subjectId, source, fields) or {error, messageContains}.
 * Adding a case is adding two files.
 */
class MappingFixturesTest {
    private static final Instant RETRIEVED_AT = Instant.parse("2025-06-01T08:00:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final Map<String, MappingEngine> ENGINES = new LinkedHashMap<>();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = Paths.get(MappingFixturesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(DepartmentFolders.ROOT);
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.getFileName().toString().endsWith(".input.json")).sorted().forEach(input -> {
                String caseName = input.getFileName().toString().replace(".input.json", "");
                String source = input.getParent().getParent().getFileName().toString();
                cases.add(Arguments.of(source + "/" + caseName, input, input.resolveSibling(caseName + ".expected.json")));
            });
        }
        assertThat(cases).as("fixture cases").hasSizeGreaterThan(20);
        return cases.stream();
    }

    @DisplayName("a department record maps to its expected canonical record or error")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void departmentRecordMapsAsExpected(String name, Path input, Path expectedFile) throws IOException {
        assertThat(expectedFile).as("every input has an expected file").exists();
        byte[] sent = Files.readAllBytes(input);
        Map<String, Object> record = JSON.readValue(sent, new TypeReference<>() { });
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        MappingEngine engine = engineFor(name);
        String digest = RecordDigest.of(sent);

        if (expected.has("error")) {
            assertThatThrownBy(() -> engine.map(record, RETRIEVED_AT, digest))
                    .isInstanceOf(MappingException.class)
                    .satisfies(e -> assertThat(((MappingException) e).code()).isEqualTo(expected.get("error").asText()))
                    .hasMessageContaining(expected.path("messageContains").asText());
            return;
        }
        SourceRecord mapped = engine.map(record, RETRIEVED_AT, digest);
        // read as a map, not through a tree, so that decimals keep their scale (5000000.00)
        ExpectedRecord expectedRecord = JSON.readValue(expectedFile.toFile(), ExpectedRecord.class);
        Map<String, Object> expectedFields = expectedRecord.fields();
        assertThat(mapped.subjectType().name()).isEqualTo(expected.get("subjectType").asText());
        assertThat(mapped.subjectId()).isEqualTo(expected.get("subjectId").asText());
        assertThat(mapped.source()).isEqualTo(expected.get("source").asText());
        assertThat(mapped.retrievedAt()).isEqualTo(RETRIEVED_AT);
        assertThat(mapped.digest()).as("the digest of what the department sent, as given").isEqualTo(digest);
        assertThat(mapped.fields()).containsExactlyEntriesOf(expectedFields);
        assertThat(SourceRecordJson.fromJson(SourceRecordJson.toJson(mapped))).as("lossless JSON round trip").isEqualTo(mapped);
    }

    /** The record part of an expected file. */
    record ExpectedRecord(String subjectType, String subjectId, String source, LinkedHashMap<String, Object> fields) {
    }

    private static MappingEngine engineFor(String name) {
        String source = name.substring(0, name.indexOf('/'));
        String caseName = name.substring(name.indexOf('/') + 1);
        String spec = caseName.startsWith("person-") ? "person"
                : caseName.startsWith("legal-entity-") ? "legal-entity"
                : null;
        if (spec == null) {
            fail("case " + name + " must start with person- or legal-entity-");
        }
        return ENGINES.computeIfAbsent(DepartmentFolders.ROOT + "/" + source + "/" + spec + ".yaml", MappingEngine::fromClasspath);
    }
}

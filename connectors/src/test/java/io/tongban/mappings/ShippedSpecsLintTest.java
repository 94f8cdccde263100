package io.tongban.mappings;

import io.tongban.connectors.description.ConnectorDescriptions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints every mapping file in the department folders as they ship ({@code departments/<source>/}), without a list
 * to keep up to date: each spec, change mapping and code table loads, and each spec has fixture cases
 * ({@code departments/<source>/fixtures/} in the test resources), at least one of them an error case. A department's
 * contribution is thereby checked at build time, before it runs.
 */
class ShippedSpecsLintTest {

    @TestFactory
    @DisplayName("every shipped spec file loads and every spec has fixtures")
    Stream<DynamicTest> everyShippedFileLoads() throws IOException, URISyntaxException {
        Path classes = Paths.get(ConnectorDescriptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path fixtures = Paths.get(getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(DepartmentFolders.ROOT);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(DepartmentFolders.ROOT))) {
            files = walk.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals(DepartmentFolders.DESCRIPTION)).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(file -> {
            String resource = classes.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(resource, () -> lint(resource, file, fixtures));
        });
    }

    private static void lint(String resource, Path file, Path fixtures) throws IOException {
        String name = file.getFileName().toString();
        if (file.getParent().getFileName().toString().equals("codes")) {
            assertThat(CodeTable.fromClasspath(resource).codes()).isNotEmpty();
        } else if (name.startsWith("change-")) {
            assertThat(ChangeMapping.fromClasspath(resource).items()).isNotEmpty();
        } else {
            MappingEngine engine = MappingEngine.fromClasspath(resource);
            assertThat(resource).startsWith(DepartmentFolders.ROOT + "/" + engine.source() + "/");
            String spec = name.replace(".yaml", "");
            Path folder = fixtures.resolve(engine.source()).resolve("fixtures");
            List<String> cases;
            try (Stream<Path> list = Files.list(folder)) {
                cases = list.map(path -> path.getFileName().toString())
                        .filter(fixture -> fixture.startsWith(spec + "-") && fixture.endsWith(".expected.json"))
                        .toList();
            }
            assertThat(cases).as("fixture cases for " + resource).hasSizeGreaterThanOrEqualTo(3);
            assertThat(cases.stream().filter(fixture -> contains(folder.resolve(fixture), "\"error\"")))
                    .as("error cases for " + resource).isNotEmpty();
        }
    }

    @DisplayName("every shipped spec loads and names its source and subject type")
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            departments/public-security/person.yaml,         public-security,    PERSON
            departments/market-supervision/legal-entity.yaml, market-supervision, LEGAL_ENTITY
            departments/tax/person.yaml,                     tax,                PERSON
            departments/tax/legal-entity.yaml,               tax,                LEGAL_ENTITY
            departments/social-security/person.yaml,         social-security,    PERSON
            """)
    void shippedSpecsLoad(String resource, String source, SubjectType type) {
        MappingEngine engine = MappingEngine.fromClasspath(resource);
        assertThat(engine.source()).isEqualTo(source);
        assertThat(engine.subjectType()).isEqualTo(type);
        assertThat(engine.targets()).isNotEmpty();
    }

    @Test
    @DisplayName("every canonical field is fed by its authority's spec")
    void everyCanonicalFieldHasItsAuthority() {
        CanonicalModel model = CanonicalModel.standard();
        Map<String, MappingEngine> persons = Map.of(
                "public-security", MappingEngine.fromClasspath("departments/public-security/person.yaml"),
                "tax", MappingEngine.fromClasspath("departments/tax/person.yaml"),
                "social-security", MappingEngine.fromClasspath("departments/social-security/person.yaml"));
        model.fields(SubjectType.PERSON).values().forEach(field ->
                assertThat(persons.get(field.authority()).targets()).as(field.name()).contains(field.name()));
        Map<String, MappingEngine> entities = Map.of(
                "market-supervision", MappingEngine.fromClasspath("departments/market-supervision/legal-entity.yaml"),
                "tax", MappingEngine.fromClasspath("departments/tax/legal-entity.yaml"));
        model.fields(SubjectType.LEGAL_ENTITY).values().forEach(field ->
                assertThat(entities.get(field.authority()).targets()).as(field.name()).contains(field.name()));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

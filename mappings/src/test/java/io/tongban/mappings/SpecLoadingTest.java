package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SpecLoadingTest {

    @DisplayName("a faulty spec fails at load time with mapping.invalid_spec and a message saying what is wrong")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken-yaml                | is not valid YAML
            unknown-type               | field name has unknown type 'txt'
            unknown-table              | unknown code table 'no-such-table'
            unknown-target             | 'shoeSize' is not a canonical PERSON field
            misspelt-key               | field name has unknown key 'requried'
            type-mismatch              | field taxArrears is canonical type boolean, which spec type text does not produce
            table-value-not-canonical  | table wrong-values gives [FINE], which canonical taxpayerStatus does not allow
            unknown-subject-type       | subjectType must be one of [PERSON, LEGAL_ENTITY]
            date-without-pattern       | field taxRegisteredOn of type date needs 'pattern'
            decimal-scale-zero         | field registeredCapital needs a scale of at least 1
            no-source                  | needs 'source'
            bad-regex                  | field division has a bad pattern
            """)
    void faultySpecFailsAtLoad(String name, String problem) {
        String resource = "bad-specs/" + name + ".yaml";
        assertThatThrownBy(() -> MappingEngine.fromClasspath(resource))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_spec"))
                .hasMessageContaining(resource)
                .hasMessageContaining(problem);
    }

    @Test
    @DisplayName("a missing spec fails with the resource named")
    void missingSpec() {
        assertThatThrownBy(() -> MappingEngine.fromClasspath("specs/nowhere/person.yaml"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("mapping.invalid_spec"))
                .hasMessageContaining("specs/nowhere/person.yaml");
    }

    @Test
    @DisplayName("a new department's spec and code table are found through the thread context class loader")
    void specFromAnotherJar() throws Exception {
        String resource = "specs/housing-fund/person.yaml";
        assertThatThrownBy(() -> MappingEngine.fromClasspath(resource)).isInstanceOf(MappingException.class);

        URL departmentJar = getClass().getClassLoader().getResource("new-department/");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{departmentJar}, previous)) {
            thread.setContextClassLoader(loader);
            MappingEngine engine = MappingEngine.fromClasspath(resource);
            SourceRecord record = engine.map(Map.of("zjhm", "11010519491231002X", "xingming", "赵 六", "xb", "F"),
                    Instant.parse("2025-06-01T00:00:00Z"), "sha256:00");
            assertThat(record.source()).isEqualTo("housing-fund");
            assertThat(record.fields()).containsExactly(
                    entry("idNumber", "11010519491231002X"), entry("name", "赵六"), entry("gender", "2"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

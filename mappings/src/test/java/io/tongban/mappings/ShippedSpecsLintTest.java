package io.tongban.mappings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints every file under {@code specs/} as it ships, without a list to keep up to date: each spec,
 * change mapping and code table loads, and each spec has fixture cases, at least one of them an
 * error case. A department's contribution is thereby checked at build time, before it runs.
 */
class ShippedSpecsLintTest {

    @TestFactory
    @DisplayName("every shipped spec file loads and every spec has fixtures")
    Stream<DynamicTest> everyShippedFileLoads() throws IOException, URISyntaxException {
        Path classes = Paths.get(MappingEngine.class.getClassLoader().getResource("specs").toURI()).getParent();
        Path fixtures = Paths.get(getClass().getClassLoader().getResource("fixtures").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve("specs"))) {
            files = walk.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
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
            assertThat(resource).startsWith("specs/" + engine.source() + "/");
            String spec = name.replace(".yaml", "");
            Path folder = fixtures.resolve(engine.source());
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

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

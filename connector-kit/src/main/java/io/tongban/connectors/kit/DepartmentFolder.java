package io.tongban.connectors.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.mappings.ChangeMapping;
import io.tongban.mappings.CodeTable;
import io.tongban.mappings.DepartmentFolders;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One department's folder as the kit checks it ({@code departments/<source>/} on the classpath): its description,
 * its mapping specs, change mappings and code tables, and its fixtures ({@code fixtures/}, beside the specs or in
 * the department's test resources).
 */
public final class DepartmentFolder {

    private static final String INPUT = ".input.json";
    private static final String EXPECTED = ".expected.json";

    private final String source;
    private final String root;
    private final SortedSet<String> files;

    private DepartmentFolder(String source) {
        this.source = source;
        this.root = DepartmentFolders.ROOT + "/" + source + "/";
        this.files = DepartmentFolders.files(source);
    }

    public static DepartmentFolder of(String source) {
        return new DepartmentFolder(source);
    }

    public String source() {
        return source;
    }

    /** The description, read and checked as the bus checks it when it loads. */
    public ConnectorDescription description() {
        return ConnectorDescriptions.of(source);
    }

    /** Every fixture case of the folder, sorted by name. */
    public List<FixtureCase> fixtures() {
        Map<SubjectType, String> specs = description().specs();
        List<FixtureCase> cases = new ArrayList<>();
        for (String file : files) {
            if (!file.startsWith(root + "fixtures/") || !file.endsWith(INPUT)) {
                continue;
            }
            String caseName = file.substring(file.lastIndexOf('/') + 1, file.length() - INPUT.length());
            String spec = specs.values().stream().filter(path -> caseName.startsWith(baseName(path) + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError(file + ": a fixture's name starts with the spec it exercises"
                            + " (" + specs.values().stream().map(DepartmentFolder::baseName).toList() + ")"));
            cases.add(new FixtureCase(source + "/" + caseName, spec, file, file.replace(INPUT, EXPECTED)));
        }
        return cases;
    }

    /** The fixture cases of one spec, errors or not. */
    public List<FixtureCase> fixtures(SubjectType type, boolean errors) {
        String spec = description().specs().get(type);
        return fixtures().stream().filter(fixture -> fixture.spec().equals(spec))
                .filter(fixture -> fixture.errorCase() == errors).toList();
    }

    /** The first error case of a spec whose expected error is {@code code}. */
    public Optional<FixtureCase> fixtureWithError(SubjectType type, String code) {
        return fixtures(type, true).stream()
                .filter(fixture -> fixture.expectation().path("error").asText().equals(code)).findFirst();
    }

    /**
     * The lint of the folder, as the build runs it: the description is valid; every mapping file loads (specs,
     * change mappings, code tables); every spec has at least three fixture cases, one of them an error; every input
     * has its expectation.
     */
    public void lint() {
        ConnectorDescription description = description();
        for (String file : files) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (!file.endsWith(".yaml") || name.equals(DepartmentFolders.DESCRIPTION)) {
                continue;
            }
            if (file.startsWith(root + "codes/")) {
                assertThat(CodeTable.fromClasspath(file).codes()).as(file).isNotEmpty();
            } else if (name.startsWith("change-")) {
                assertThat(ChangeMapping.fromClasspath(file).items()).as(file).isNotEmpty();
            } else {
                MappingEngine engine = MappingEngine.fromClasspath(file);
                assertThat(engine.source()).as(file + ": source").isEqualTo(source);
                assertThat(engine.targets()).as(file + ": targets").isNotEmpty();
            }
        }
        List<FixtureCase> fixtures = fixtures();
        fixtures.forEach(fixture -> assertThat(files).as("the expectation of " + fixture.input())
                .contains(fixture.expected()));
        description.specs().values().forEach(spec -> {
            List<FixtureCase> ofSpec = fixtures.stream().filter(fixture -> fixture.spec().equals(spec)).toList();
            assertThat(ofSpec).as("fixture cases of " + spec + " (under " + root + "fixtures/)").hasSizeGreaterThanOrEqualTo(3);
            assertThat(ofSpec).as("error cases of " + spec).anyMatch(FixtureCase::errorCase);
        });
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replace(".yaml", "");
    }
}

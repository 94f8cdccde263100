package io.tongban.connectors.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.mappings.CanonicalModel;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit's folder checks over every department the bus ships (the connectors jar's folders), found on the
 * classpath rather than listed: each folder lints and each of its fixtures maps as expected.
 */
@DisplayName("Shipped department folders")
class ShippedDepartmentFoldersTest {

    private static List<DepartmentFolder> shipped() {
        List<DepartmentFolder> folders = ConnectorDescriptions.all().stream().map(ConnectorDescription::source)
                .map(DepartmentFolder::of).toList();
        assertThat(folders).as("the departments the connectors jar ships").hasSizeGreaterThanOrEqualTo(4);
        return folders;
    }

    @TestFactory
    @DisplayName("every shipped folder lints and every fixture maps to its expected record or error")
    Stream<DynamicContainer> everyShippedFolder() {
        return shipped().stream().map(folder -> DynamicContainer.dynamicContainer(folder.source(), Stream.concat(
                Stream.of(DynamicTest.dynamicTest("lint", folder::lint)),
                folder.fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), fixture::check)))));
    }

    @Test
    @DisplayName("every canonical field is fed by its authority's spec of its subject type")
    void everyCanonicalFieldHasItsAuthority() {
        CanonicalModel model = CanonicalModel.standard();
        for (SubjectType type : SubjectType.values()) {
            model.fields(type).values().forEach(field -> {
                String spec = ConnectorDescriptions.of(field.authority()).specs().get(type);
                assertThat(spec).as(field.name() + ": a spec of its authority " + field.authority()).isNotNull();
                assertThat(MappingEngine.fromClasspath(spec).targets()).as(field.name()).contains(field.name());
            });
        }
    }
}

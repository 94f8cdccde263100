package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core knows departments only by what their folders say: no class and no configuration file of the bus names
 * one of the departments found on the classpath. The catalogues of matters and licence types are the exception by
 * nature: they say which departments process a matter and issue a licence, data of the one-window service.
 */
@DisplayName("The core names no department")
class CoreNamesNoDepartmentTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final List<Path> CATALOGUES = List.of(MAIN.resolve("resources/matters"), MAIN.resolve("resources/licences"));

    @Test
    @DisplayName("no class or configuration file of routes/ names a department's source")
    void noDepartmentIsNamed() throws IOException {
        List<String> sources = ConnectorDescriptions.all().stream().map(ConnectorDescription::source).toList();
        assertThat(sources).as("departments on the classpath").contains("tax", "civil-affairs");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).filter(CoreNamesNoDepartmentTest::namesMatter).toList()) {
                String text = Files.readString(file);
                for (String source : sources) {
                    // as a Java string, or as a YAML key, value or list item
                    Pattern named = Pattern.compile("\"" + source + "\"|(^|[\\s\\[{,])" + Pattern.quote(source) + "([\\s\\]},:]|$)",
                            Pattern.MULTILINE);
                    if (named.matcher(text).find()) {
                        found.add(MAIN.relativize(file) + " names " + source);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean namesMatter(Path file) {
        String name = file.getFileName().toString();
        boolean code = name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".yaml");
        return code && CATALOGUES.stream().noneMatch(file::startsWith);
    }
}

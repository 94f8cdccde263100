package io.tongban.connectors.described;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.connectors.description.ConnectorDescription;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.description.InvalidDescriptionException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code change-file} section of a described connector: change files (CSV, RFC 4180, with a header line) the
 * department drops into a directory, one change per row.
 *
 * @param directoryParameter the parameter naming the directory the files arrive in
 * @param include            the regular expression a file's name matches
 * @param columns            the row's columns, in order, as the change spec reads them
 * @param spec               the change mapping spec's classpath path
 */
public record ChangeFileDescription(String directoryParameter, String include, Charset charset, List<String> columns,
                                    String spec) {

    public ChangeFileDescription {
        columns = List.copyOf(columns);
    }

    /** Reads the section, refusing what the kit could not run with the file and field named. */
    public static ChangeFileDescription read(ConnectorDescription description) {
        JsonNode node = description.section("change-file");
        String location = description.location();
        String at = "change-file";
        if (node.isMissingNode()) {
            throw new InvalidDescriptionException(location, at, "missing: CHANGE_FEED is among the capabilities");
        }
        ConnectorDescriptions.checkKeys(location, at + ".", node, Set.of("directory", "include", "charset", "columns", "spec"));
        String include = ConnectorDescriptions.text(location, node, at, "include");
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new InvalidDescriptionException(location, at + ".include", "not a regular expression: " + e.getDescription());
        }
        Charset charset;
        try {
            charset = Charset.forName(ConnectorDescriptions.text(location, node, at, "charset"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidDescriptionException(location, at + ".charset", "unknown charset " + e.getMessage());
        }
        List<String> columns = new ArrayList<>();
        node.path("columns").forEach(column -> columns.add(column.asText()));
        if (columns.isEmpty()) {
            throw new InvalidDescriptionException(location, at + ".columns", "missing: the row's columns, in order");
        }
        String spec = ConnectorDescriptions.text(location, node, at, "spec");
        String folder = location.substring(0, location.lastIndexOf('/'));
        return new ChangeFileDescription(ConnectorDescriptions.text(location, node, at, "directory"), include, charset,
                columns, spec.startsWith("/") ? spec.substring(1) : folder + "/" + spec);
    }
}

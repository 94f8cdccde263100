package io.tongban.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the module's YAML data files from the classpath. The thread context class loader is
 * asked first, so that a department's connector jar can ship its own spec and code tables.
 */
final class Resources {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Resources() {
    }

    static JsonNode readYaml(String resource) {
        URL url = find(resource);
        if (url == null) {
            throw new MappingException(MappingError.INVALID_SPEC, "no such classpath resource: " + resource);
        }
        try (InputStream in = url.openStream()) {
            JsonNode node = YAML.readTree(in);
            if (node == null || !node.isObject()) {
                throw new MappingException(MappingError.INVALID_SPEC, resource + " is not a YAML mapping");
            }
            return node;
        } catch (IOException e) {
            throw new MappingException(MappingError.INVALID_SPEC,
                    resource + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a key a data file does not define, so that a misspelt key ("requried") fails at load
     * instead of being silently ignored.
     */
    static void checkKeys(JsonNode node, Set<String> known, Function<String, MappingException> invalid) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw invalid.apply("unknown key '" + key + "' (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    static boolean exists(String resource) {
        return find(resource) != null;
    }

    private static URL find(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(path);
        return url != null ? url : Resources.class.getClassLoader().getResource(path);
    }

    /** The folder part of a resource path, with a trailing slash ("" for a top-level file). */
    static String folderOf(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash + 1);
    }
}

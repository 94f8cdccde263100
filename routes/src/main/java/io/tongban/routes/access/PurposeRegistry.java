package io.tongban.routes.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The purposes the bus knows, read from {@code access/purposes.yaml}. */
@Component
public class PurposeRegistry {

    private static final String RESOURCE = "access/purposes.yaml";
    private final Map<String, Purpose> purposes = new LinkedHashMap<>();

    public PurposeRegistry() {
        try (InputStream in = PurposeRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            root.path("purposes").fields().forEachRemaining(entry -> {
                JsonNode node = entry.getValue();
                if (!node.hasNonNull("name") || !node.hasNonNull("legalBasis")) {
                    throw new IllegalStateException(RESOURCE + ": purpose " + entry.getKey() + " needs a name and a legalBasis");
                }
                purposes.put(entry.getKey(), new Purpose(entry.getKey(), node.get("name").asText(),
                        node.get("legalBasis").asText()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Purpose> find(String code) {
        return Optional.ofNullable(code == null ? null : purposes.get(code));
    }

    public Collection<Purpose> all() {
        return purposes.values();
    }
}

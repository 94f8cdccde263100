package io.tongban.routes.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tongban.routes.matters.MaterialSource;
import io.tongban.routes.matters.Matter;
import io.tongban.routes.matters.MatterCatalogue;
import io.tongban.security.pki.CreditCode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licence types, read from {@code licences/licence-types.yaml} at start-up and checked against the matter
 * catalogue: a matter that issues or reuses a type the base does not know stops the start, naming it.
 */
public final class LicenceTypes {

    static final String RESOURCE = "licences/licence-types.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, LicenceType> types;

    LicenceTypes(Map<String, LicenceType> types) {
        this.types = Map.copyOf(types);
    }

    static LicenceTypes load(MatterCatalogue matters) {
        try (InputStream in = LicenceTypes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            LicenceTypes types = read(YAML.readTree(in));
            List<String> unknown = new ArrayList<>();
            for (Matter matter : matters.all()) {
                if (matter.issues() != null && types.named(matter.issues().licenceType()).isEmpty()) {
                    unknown.add(matter.code() + " issues " + matter.issues().licenceType());
                }
                matter.materials().forEach(material -> material.sources().stream()
                        .filter(source -> source.type() == MaterialSource.Type.E_LICENCE)
                        .filter(source -> types.named(source.licenceType()).isEmpty())
                        .forEach(source -> unknown.add(matter.code() + " reuses " + source.licenceType())));
            }
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("licence types missing from " + RESOURCE + ": " + unknown);
            }
            return types;
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static LicenceTypes read(JsonNode root) {
        Map<String, LicenceType> types = new LinkedHashMap<>();
        root.path("licence-types").fields().forEachRemaining(entry -> {
            String where = RESOURCE + ", " + entry.getKey() + ": ";
            JsonNode type = entry.getValue();
            String typeCode = type.path("type-code").asText("");
            if (!typeCode.matches("[0-9A-Z]{18}[0-9]{3}") || !CreditCode.isValid(typeCode.substring(0, 18))) {
                throw new IllegalStateException(where + "type-code is an authority's credit code and three digits");
            }
            if (!type.path("name").isTextual()) {
                throw new IllegalStateException(where + "name is required");
            }
            Period validFor;
            try {
                validFor = type.path("valid-for").isTextual() ? Period.parse(type.path("valid-for").asText()) : null;
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(where + "valid-for is an ISO period such as P5Y");
            }
            types.put(entry.getKey(), new LicenceType(entry.getKey(), typeCode, type.path("name").asText(), validFor));
        });
        return new LicenceTypes(types);
    }

    public Optional<LicenceType> named(String code) {
        return Optional.ofNullable(types.get(code));
    }

    /** The type of a licence from anywhere, by its GB/T 36904 type code. */
    public Optional<LicenceType> withTypeCode(String typeCode) {
        return types.values().stream().filter(type -> type.typeCode().equals(typeCode)).findFirst();
    }
}

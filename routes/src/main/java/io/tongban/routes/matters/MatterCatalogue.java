package io.tongban.routes.matters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.access.PurposeRegistry;
import io.tongban.routes.lookup.ConnectorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The matter catalogue, read from {@code matters/matters.yaml} at start-up and checked there: a matter the bus
 * could not process as written (a department without a connector, a code that is no purpose, a source missing what
 * it needs) stops the start with the matter and the field named, rather than failing an applicant later.
 */
public final class MatterCatalogue {

    static final String RESOURCE = "matters/matters.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Matter> matters;

    private MatterCatalogue(Map<String, Matter> matters) {
        this.matters = matters;
    }

    /** The catalogue the bus ships, checked against its purposes and its departments' connectors. */
    public static MatterCatalogue load(PurposeRegistry purposes, ConnectorRegistry connectors,
                                       Function<SubjectType, Set<String>> canonicalFields) {
        try (InputStream in = MatterCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return read(in, code -> purposes.find(code).isPresent(), connectors.sources(), canonicalFields);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static MatterCatalogue read(InputStream in, Predicate<String> isPurpose, Set<String> departments,
                                Function<SubjectType, Set<String>> canonicalFields) throws IOException {
        JsonNode root = YAML.readTree(in);
        Map<String, Matter> matters = new LinkedHashMap<>();
        var fields = root.path("matters").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            ((ObjectNode) field.getValue()).put("code", field.getKey());
            Matter matter;
            try {
                matter = YAML.treeToValue(field.getValue(), Matter.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(RESOURCE + ", matter " + field.getKey() + ": " + e.getOriginalMessage());
            }
            List<String> problems = problems(matter, isPurpose, departments);
            if (matter.applicant() != null) {
                matter.formFields().stream().filter(f -> !canonicalFields.apply(matter.applicant()).contains(f))
                        .forEach(f -> problems.add("form-fields: '" + f + "' is no canonical field of a "
                                + matter.applicant()));
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ", matter " + matter.code() + ": " + String.join("; ", problems));
            }
            matters.put(matter.code(), matter);
        }
        if (matters.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no matter");
        }
        return new MatterCatalogue(matters);
    }

    private static List<String> problems(Matter matter, Predicate<String> isPurpose,
                                         Set<String> departments) {
        List<String> problems = new ArrayList<>();
        if (!isPurpose.test(matter.code())) {
            problems.add("its code is not a purpose of access/purposes.yaml");
        }
        if (matter.name() == null || matter.legalBasis() == null || matter.applicant() == null) {
            problems.add("name, legal-basis and applicant are required");
        }
        if (matter.departments().isEmpty()) {
            problems.add("departments: at least one");
        }
        for (Matter.ResponsibleDepartment department : matter.departments()) {
            if (!departments.contains(department.department())) {
                problems.add("departments: no connector for '" + department.department() + "'");
            }
            if (department.workingDays() < 1) {
                problems.add("departments: working-days of " + department.department() + " must be at least 1");
            }
        }
        for (Matter.RequiredMaterial material : matter.materials()) {
            String where = "materials." + material.code() + ": ";
            if (material.sources() == null || material.sources().isEmpty()) {
                problems.add(where + "sources: at least one");
                continue;
            }
            for (MaterialSource source : material.sources()) {
                if (source.type() == MaterialSource.Type.SYSTEM_VERIFICATION && !departments.contains(source.department())) {
                    problems.add(where + "SYSTEM_VERIFICATION needs the department of a connector, not '"
                            + source.department() + "'");
                }
                if (source.type() == MaterialSource.Type.E_LICENCE && source.licenceType() == null) {
                    problems.add(where + "E_LICENCE needs licence-type");
                }
                if (source.type() == MaterialSource.Type.UPLOAD && source.files().isEmpty()) {
                    problems.add(where + "UPLOAD needs files");
                }
            }
            if (material.pendingAllowed() && (material.pendingWorkingDays() == null || material.pendingWorkingDays() < 1)) {
                problems.add(where + "pending-allowed needs pending-working-days of at least 1");
            }
        }
        if (matter.issues() != null) {
            Matter.IssuedLicence issues = matter.issues();
            if (!departments.contains(issues.issuer())) {
                problems.add("issues: no connector for the issuer '" + issues.issuer() + "'");
            }
            if (!matter.departments().stream().map(Matter.ResponsibleDepartment::department).toList()
                    .contains(issues.issuer())) {
                problems.add("issues: the issuer '" + issues.issuer() + "' is not among the matter's departments");
            }
            List<String> sources = new ArrayList<>(issues.fields().values());
            sources.addAll(Arrays.asList(issues.holderCode(), issues.holderName(), issues.number()));
            sources.stream().filter(source -> source == null || !Matter.IssuedLicence.SOURCE.matcher(source).matches())
                    .forEach(source -> problems.add("issues: '" + source
                            + "' is none of applicant, form.<field>, result.<name>"));
        }
        return problems;
    }

    /** The file kinds some matter takes as an upload of this material type; none for a type no matter uploads. */
    public Set<MaterialSource.FileKind> uploadKinds(String materialType) {
        Set<MaterialSource.FileKind> kinds = EnumSet.noneOf(MaterialSource.FileKind.class);
        for (Matter matter : matters.values()) {
            for (Matter.RequiredMaterial material : matter.materials()) {
                if (material.code().equals(materialType)) {
                    material.sources().stream().filter(s -> s.type() == MaterialSource.Type.UPLOAD)
                            .forEach(s -> kinds.addAll(s.files()));
                }
            }
        }
        return kinds;
    }

    public Collection<Matter> all() {
        return matters.values();
    }

    public Optional<Matter> find(String code) {
        return Optional.ofNullable(code == null ? null : matters.get(code));
    }
}

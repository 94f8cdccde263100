package io.tongban.routes.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The catalogue's own checks: a matter the bus could not process stops the start, naming the matter and field. */
class MatterCatalogueTest {

    private static final Set<String> DEPARTMENTS = Set.of("public-security", "tax");

    @Test
    @DisplayName("A well-formed matter is read with its departments, materials and their sources' trust grades")
    void readsAMatter() throws Exception {
        MatterCatalogue catalogue = read("""
                matters:
                  residence-permit:
                    name: 居住证办理
                    applicant: PERSON
                    legal-basis: 《居住证暂行条例》
                    departments: [{department: public-security, working-days: 15}]
                    materials:
                      - code: domicile-proof
                        name: 住所证明
                        sources: [{type: REUSE}, {type: UPLOAD, files: [PDF]}]
                        pending-allowed: true
                        pending-working-days: 5
                """);

        Matter matter = catalogue.find("residence-permit").orElseThrow();
        assertThat(matter.departments()).containsExactly(new Matter.ResponsibleDepartment("public-security", 15));
        assertThat(matter.materials().get(0).sources()).extracting(MaterialSource::grade).containsExactly("B", "C");
        assertThat(matter.materials().get(0).pendingWorkingDays()).isEqualTo(5);
    }

    @Test
    @DisplayName("A department without a connector, a source missing what it needs, an unknown field or a code that is no purpose stop the start")
    void refusesWhatCannotBeProcessed() {
        String base = """
                matters:
                  residence-permit:
                    name: 居住证办理
                    applicant: PERSON
                    legal-basis: 《居住证暂行条例》
                """;
        assertThatThrownBy(() -> read(base + "    departments: [{department: civil-affairs, working-days: 5}]\n"
                + "    materials: []\n"))
                .hasMessageContaining("matter residence-permit").hasMessageContaining("no connector for 'civil-affairs'");
        assertThatThrownBy(() -> read(base + "    departments: [{department: tax, working-days: 5}]\n"
                + "    materials: [{code: x, name: x, sources: [{type: E_LICENCE}]}]\n"))
                .hasMessageContaining("materials.x: E_LICENCE needs licence-type");
        assertThatThrownBy(() -> read(base + "    departments: [{department: tax, working-days: 5}]\n"
                + "    materials: []\n    deadline: 3\n"))
                .hasMessageContaining("matter residence-permit").hasMessageContaining("deadline");
        assertThatThrownBy(() -> read(base + "    form-fields: [name, shoeSize]\n"
                + "    departments: [{department: tax, working-days: 5}]\n    materials: []\n"))
                .hasMessageContaining("form-fields: 'shoeSize' is no canonical field");
        assertThatThrownBy(() -> read(base.replace("residence-permit:", "fishing-licence:")
                + "    departments: [{department: tax, working-days: 5}]\n    materials: []\n"))
                .hasMessageContaining("not a purpose");
    }

    private static MatterCatalogue read(String yaml) throws Exception {
        return MatterCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "residence-permit"::equals, DEPARTMENTS, type -> Set.of("name", "address"));
    }
}

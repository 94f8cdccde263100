package io.tongban.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Departments contribute canonical fields from their descriptions")
class CanonicalContributionsTest {

    @Test
    @DisplayName("a contributed field joins the model with its type, group, authority and sharing type")
    void contributedFieldJoinsTheModel() {
        CanonicalModel model = CanonicalModel.standard().withContributions(List.of("contributions/civil-affairs/connector.yaml"));

        CanonicalField field = model.field(SubjectType.PERSON, "maritalStatus");
        assertThat(field).isEqualTo(new CanonicalField("maritalStatus", "code", "marriage", "civil-affairs",
                SharingType.CONDITIONAL, Set.of("MARRIED", "UNMARRIED")));
        assertThat(model.field(SubjectType.PERSON, "name").authority()).isEqualTo("public-security");
        assertThat(CanonicalModel.standard().field(SubjectType.PERSON, "maritalStatus")).isNull();
    }

    @Test
    @DisplayName("a department cannot redefine a field it does not own: the file and the field are named")
    void redefiningAFieldIsRefused() {
        assertThatThrownBy(() -> CanonicalModel.standard().withContributions(List.of("contributions/redefines/connector.yaml")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("contributions/redefines/connector.yaml: canonical-fields.person.name: already a"
                        + " canonical field (authority public-security)");
    }
}

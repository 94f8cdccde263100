package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.mappings.RecordDigest;
import io.tongban.routes.access.Role;
import io.tongban.sandbox.seed.Person;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Departments join by their folder alone, with no change to the core. Civil affairs (the {@code civil-affairs}
 * module's jar on the test classpath, its {@code departments/civil-affairs/} folder: a description, a mapping spec, a
 * code table and fixtures, no Java) contributes canonical fields of its own; the housing fund brings a Java connector outside the bus's packages, found by auto-configuration.
 * Both are switched on by nothing but their url; the bus asks them in every person lookup and merges what they say.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NewDepartmentConnectorTest extends SandboxedBusTest {

    private static final Person PERSON = SeedSubjects.personInEverySource();
    private static final String FUND_ADDRESS = "广东省深圳市罗湖区公积金路9号";
    private static final String REGISTERED_NAME = PERSON.name() + "（婚姻登记）";
    private static final Map<String, Object> MARRIAGE = Map.of(
            "SFZH", PERSON.identityNumber(), "XM", REGISTERED_NAME, "HYZK", "22", "DJRQ", "2019-05-20");
    private static final JsonDepartmentStandIn CIVIL_AFFAIRS = new JsonDepartmentStandIn("/mz/hydj", "SFZH", MARRIAGE);
    private static final JsonDepartmentStandIn FUND = new JsonDepartmentStandIn("/gjj/api/grxx", "ZJHM", Map.of(
            "ZJHM", PERSON.identityNumber(), "XM", PERSON.name(), "JZDZ", FUND_ADDRESS, "DWMC", "深圳某某科技有限公司"));

    @DynamicPropertySource
    static void newDepartments(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.civil-affairs.url", CIVIL_AFFAIRS::url);
        registry.add("bus.connectors.housing-fund.url", FUND::url);
    }

    @AfterAll
    static void closeDepartments() {
        CIVIL_AFFAIRS.close();
        FUND.close();
    }

    @Test
    @DisplayName("A described department's own fields, released under a grant, carry its provenance: the digest of the bytes it sent")
    void describedDepartmentContributesItsFields() {
        grantMarriageFields();

        JsonNode body = get("/api/v1/persons/" + PERSON.identityNumber()).body();

        // asked in this lookup, or in an earlier test's lookup of the same person and kept in the shared base
        assertThat(sourceStatus(body, "civil-affairs")).isIn("REFRESHED", "CACHED");
        JsonNode marital = body.path("fields").path("maritalStatus");
        assertThat(marital.path("value").asText()).as(body.toString()).isEqualTo("MARRIED");
        assertThat(marital.path("source").asText()).isEqualTo("civil-affairs");
        assertThat(marital.path("digest").asText()).isEqualTo(RecordDigest.of(JsonDepartmentStandIn.json(MARRIAGE)));
        assertThat(body.path("fields").path("marriageRegisteredOn").path("value").asText()).isEqualTo("2019-05-20");
    }

    @Test
    @DisplayName("Where a new department disagrees with the authority, the authority's value stands and the conflict is shown")
    void newDepartmentsDisagreementsAreShown() {
        JsonNode body = get("/api/v1/persons/" + PERSON.identityNumber()).body();

        assertThat(body.path("fields").path("name").path("value").asText()).isEqualTo(PERSON.name());
        assertThat(body.path("fields").path("name").path("source").asText()).isEqualTo("public-security");
        assertThat(body.path("fields").path("address").path("source").asText()).isEqualTo("public-security");
        assertThat(body.path("conflicts").findValuesAsText("value")).contains(REGISTERED_NAME, FUND_ADDRESS);
        assertThat(sourceStatus(body, "housing-fund")).isEqualTo("REFRESHED");
    }

    @Test
    @DisplayName("Without a grant, the new department's conditional fields are withheld and named NO_GRANT")
    void newConditionalFieldsNeedAGrant() {
        Person other = SeedSubjects.personInEverySource();

        JsonNode body = send(request("/api/v1/persons/" + other.identityNumber())
                .setHeader("Tongban-Purpose", "insurance-registration").GET().build()).body();

        assertThat(body.path("fields").has("maritalStatus")).isFalse();
        assertThat(body.path("withheld").toString()).contains("maritalStatus").contains("NO_GRANT");
    }

    @Test
    @DisplayName("A person the new departments do not hold: each answers NOT_FOUND and the lookup is whole")
    void newDepartmentsNotHoldingThePerson() {
        Person other = SeedSubjects.personInEverySource();

        JsonNode body = get("/api/v1/persons/" + other.identityNumber()).body();

        assertThat(sourceStatus(body, "civil-affairs")).isEqualTo("NOT_FOUND");
        assertThat(sourceStatus(body, "housing-fund")).isEqualTo("NOT_FOUND");
        assertThat(body.path("degraded").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("The described department down: the lookup is a degraded 200 naming it, with what the others gave")
    void describedDepartmentDownDegradesTheLookup() {
        Person other = SeedSubjects.personInEverySource();
        CIVIL_AFFAIRS.down(true);
        try {
            JsonNode body = get("/api/v1/persons/" + other.identityNumber()).body();

            assertThat(body.path("degraded").asBoolean()).isTrue();
            assertThat(body.path("unavailableSources").toString()).isEqualTo("[\"civil-affairs\"]");
            assertThat(body.path("fields").path("name").path("value").asText()).isEqualTo(other.name());
        } finally {
            CIVIL_AFFAIRS.down(false);
        }
    }

    private void grantMarriageFields() {
        String grant = "{\"consumer\":\"one-window-platform\",\"fields\":[\"group:marriage\"],"
                + "\"purpose\":\"residence-permit\",\"legalBasis\":\"test\",\"validUntil\":\""
                + Instant.now().plusSeconds(3600) + "\"}";
        Answer granted = send(anonymousRequest("/api/v1/admin/grants").header("Authorization", "Bearer " + token(Role.ADMIN))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(grant)).build());
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
    }
}

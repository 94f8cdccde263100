package io.tongban.connectors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.ConnectorTestApplication;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.TestSubjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department answering with XML that declares an external entity (XXE) must not make the bus read local files:
 * the connector refuses the answer (UNAVAILABLE) and the file's content appears nowhere in what it returns.
 * Only the two XML connectors run here, pointed at {@link HostileDepartmentServer}, which can also fail on cue to
 * show that a redelivery really asks the department again.
 */
@SpringBootTest(classes = ConnectorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "bus.connectors.market-supervision.enabled=false",
                "bus.connectors.social-security.enabled=false"})
@DisplayName("Hostile department responses (test double): XML with an external entity, a transient server error")
class HostileDepartmentResponsesTest {

    private static final String SECRET = "TONGBAN-SECRET-" + UUID.randomUUID();
    private static final String PERSON = TestSubjects.unknownPerson();
    private static final String COMPANY = TestSubjects.unknownCompany();
    private static final Path SECRET_FILE = writeSecret();
    private static final HostileDepartmentServer DEPARTMENT = new HostileDepartmentServer(SECRET_FILE, PERSON, COMPANY);

    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private List<ConnectorDescriptor> connectors;

    @DynamicPropertySource
    static void hostileDepartment(DynamicPropertyRegistry registry) {
        registry.add("bus.connectors.public-security.url", DEPARTMENT::publicSecurityAddress);
        registry.add("bus.connectors.tax.url", DEPARTMENT::taxUrl);
    }

    private static Path writeSecret() {
        try {
            Path file = Files.createTempFile("tongban-secret", ".txt");
            Files.writeString(file, SECRET);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopDepartment() throws IOException {
        DEPARTMENT.close();
        Files.deleteIfExists(SECRET_FILE);
    }

    @BeforeEach
    void hostileAnswers() {
        DEPARTMENT.declareExternalEntity(true);
        DEPARTMENT.failNext(0);
    }

    private LookupResult lookUp(String source, Capability capability, String subject) {
        String endpoint = connectors.stream().filter(connector -> connector.source().equals(source)).findFirst()
                .orElseThrow().endpoint(capability);
        return producer.requestBody(endpoint, subject, LookupResult.class);
    }

    @Test
    @DisplayName("public security: the same SOAP answer without a DOCTYPE is accepted (control)")
    void plainSoapAnswerIsAccepted() {
        DEPARTMENT.declareExternalEntity(false);

        LookupResult result = lookUp("public-security", Capability.PERSON_LOOKUP, PERSON);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().fields()).containsEntry("address", HostileDepartmentServer.PERSON_ADDRESS);
    }

    @Test
    @DisplayName("public security: a SOAP answer with a DOCTYPE and an external entity is refused; the file is never read into the result")
    void soapAnswerWithExternalEntityIsRefused() {
        int before = DEPARTMENT.requests();

        LookupResult result = lookUp("public-security", Capability.PERSON_LOOKUP, PERSON);

        assertThat(DEPARTMENT.requests()).as("the hostile department was asked").isGreaterThan(before);
        assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
        assertThat(String.valueOf(result)).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("tax: the same XML answer without a DOCTYPE is accepted (control)")
    void plainTaxAnswerIsAccepted() {
        DEPARTMENT.declareExternalEntity(false);

        LookupResult result = lookUp("tax", Capability.ENTITY_LOOKUP, COMPANY);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().fields()).containsEntry("taxOffice", HostileDepartmentServer.TAX_OFFICE);
    }

    @Test
    @DisplayName("tax: an XML answer with a DOCTYPE and an external entity is refused; the file is never read into the result")
    void taxAnswerWithExternalEntityIsRefused() {
        int before = DEPARTMENT.requests();

        LookupResult result = lookUp("tax", Capability.ENTITY_LOOKUP, COMPANY);

        assertThat(DEPARTMENT.requests()).as("the hostile department was asked").isGreaterThan(before);
        assertThat(result.status()).isEqualTo(LookupResult.Status.UNAVAILABLE);
        assertThat(String.valueOf(result)).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("public security: the refusal's detail names the problem without echoing the department's answer")
    void soapRefusalDoesNotEchoTheAnswer() {
        LookupResult result = lookUp("public-security", Capability.PERSON_LOOKUP, PERSON);

        assertThat(result.detail()).contains("DTD").doesNotContain(PERSON).doesNotContain("张三");
    }

    @Test
    @DisplayName("tax: the refusal's detail names the problem without echoing the department's answer (it may hold personal data)")
    void taxRefusalDoesNotEchoTheAnswer() {
        LookupResult result = lookUp("tax", Capability.ENTITY_LOOKUP, COMPANY);

        assertThat(result.detail()).contains("entity").doesNotContain(COMPANY).doesNotContain("NSRMC");
    }

    @Test
    @DisplayName("tax: an HTTP 500 is redelivered as a new request, and the good answer to it is used")
    void serverErrorIsRetriedWithANewRequest() {
        DEPARTMENT.declareExternalEntity(false);
        DEPARTMENT.failNext(1);
        int before = DEPARTMENT.requests();

        LookupResult result = lookUp("tax", Capability.ENTITY_LOOKUP, COMPANY);

        assertThat(DEPARTMENT.requests() - before).isEqualTo(2);
        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().subjectId()).isEqualTo(COMPANY);
    }
}

package io.tongban.connectors.publicsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorIntegrationTest;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.Sha256;
import io.tongban.connectors.TestSubjects;
import io.tongban.mappings.SubjectType;
import io.tongban.sandbox.SystemId;
import io.tongban.sandbox.seed.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Public security connector (SOAP through CXF) against the sandbox")
class PublicSecurityConnectorTest extends ConnectorIntegrationTest {

    private String personLookup() {
        return descriptor("public-security").endpoint(Capability.PERSON_LOOKUP);
    }

    private String identityCheck() {
        return descriptor("public-security").endpoint(Capability.IDENTITY_CHECK);
    }

    @Test
    @DisplayName("a person on record is mapped to canonical fields with provenance: source and the sha256 of the SOAP response message the department sent")
    void personOnRecordIsMappedWithProvenance() throws Exception {
        Person person = sandbox.seed().demoPerson();
        Instant before = Instant.now();

        LookupResult result = ask(personLookup(), person.identityNumber(), LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.source()).isEqualTo("public-security");
        assertThat(result.record().subjectType()).isEqualTo(SubjectType.PERSON);
        assertThat(result.record().subjectId()).isEqualTo(person.identityNumber());
        assertThat(result.record().source()).isEqualTo("public-security");
        assertThat(result.record().retrievedAt()).isBetween(before, Instant.now());
        assertThat(result.record().fields())
                .containsEntry("idNumber", person.identityNumber())
                .containsEntry("name", person.name())
                .containsEntry("birthDate", person.birthDate().toString())
                .containsEntry("address", person.address())
                .containsEntry("division", person.addressDivision())
                .containsKeys("gender", "status");
        assertThat(result.record().digest()).isEqualTo(Sha256.of(queryPersonResponse(person.identityNumber())));
    }

    /** The response message exactly as the department sends it, for a QueryPerson posted with a plain HTTP client. */
    private byte[] queryPersonResponse(String idNumber) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<r:QueryPerson xmlns:r=\"http://ga.sandbox.tongban.io/rkxx\"><r:GMSFHM>" + idNumber + "</r:GMSFHM>"
                + "</r:QueryPerson></soap:Body></soap:Envelope>";
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.publicSecurityAddress()))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"http://ga.sandbox.tongban.io/rkxx/QueryPerson\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    @DisplayName("an identity number public security does not know answers NOT_FOUND, not UNAVAILABLE")
    void unknownPersonIsNotFound() {
        LookupResult result = ask(personLookup(), TestSubjects.unknownPerson(), LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.NOT_FOUND);
        assertThat(result.source()).isEqualTo("public-security");
        assertThat(result.record()).isNull();
    }

    @Test
    @DisplayName("identity check of a number with its own name answers consistent")
    void identityCheckWithTheRightNameIsConsistent() {
        Person person = sandbox.seed().demoPerson();

        IdentityCheckResult result = ask(identityCheck(),
                new IdentityCheckRequest(person.identityNumber(), person.name()), IdentityCheckResult.class);

        assertThat(result).isEqualTo(IdentityCheckResult.of("public-security", true));
    }

    @Test
    @DisplayName("identity check of a number with another person's name answers inconsistent")
    void identityCheckWithAnotherNameIsInconsistent() {
        Person person = sandbox.seed().demoPerson();
        String otherName = sandbox.seed().persons().get(1).name();

        IdentityCheckResult result = ask(identityCheck(),
                new IdentityCheckRequest(person.identityNumber(), otherName), IdentityCheckResult.class);

        assertThat(result).isEqualTo(IdentityCheckResult.of("public-security", false));
    }

    @Test
    @DisplayName("identity check while public security is down answers 'could not check' (consistent null) within the timeout")
    void identityCheckWhileDownCannotAnswer() {
        Person person = sandbox.seed().demoPerson();
        sandbox.knobs(SystemId.PUBLIC_SECURITY).down(true);
        long started = System.nanoTime();

        IdentityCheckResult result = ask(identityCheck(),
                new IdentityCheckRequest(person.identityNumber(), person.name()), IdentityCheckResult.class);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.source()).isEqualTo("public-security");
        assertThat(result.consistent()).isNull();
        assertThat(result.detail()).isNotBlank().doesNotContain(person.name());
        assertThat(took).isLessThan(Duration.ofMillis(
                millis("camel.resilience4j.configurations.public-security.timeout-duration")).plus(SLACK));
    }

    @Test
    @DisplayName("identity check while public security is slower than the breaker timeout answers 'could not check' with a reason")
    void identityCheckWhileSlowCannotAnswerAndSaysWhy() {
        Person person = sandbox.seed().demoPerson();
        sandbox.knobs(SystemId.PUBLIC_SECURITY).latency(Duration.ofMillis(
                3 * millis("camel.resilience4j.configurations.public-security.timeout-duration")));

        IdentityCheckResult result = ask(identityCheck(),
                new IdentityCheckRequest(person.identityNumber(), person.name()), IdentityCheckResult.class);

        assertThat(result.consistent()).isNull();
        assertThat(result.detail()).isNotBlank().isNotEqualTo("null");
    }
}

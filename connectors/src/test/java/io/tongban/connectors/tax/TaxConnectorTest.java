package io.tongban.connectors.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorIntegrationTest;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.Sha256;
import io.tongban.connectors.TestSubjects;
import io.tongban.mappings.SubjectType;
import io.tongban.sandbox.seed.Taxpayer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tax connector (REST with XML bodies) against the sandbox")
class TaxConnectorTest extends ConnectorIntegrationTest {

    private String lookup(Capability capability) {
        return descriptor("tax").endpoint(capability);
    }

    private Taxpayer taxpayer(String id) {
        return sandbox.seed().taxpayer(id).orElseThrow();
    }

    @Test
    @DisplayName("a person registered as taxpayer is mapped to canonical person fields with provenance: the sha256 of the XML the department sent")
    void taxpayingPersonIsMappedWithProvenance() throws Exception {
        Taxpayer taxpayer = taxpayer(sandbox.seed().demoPerson().identityNumber());

        LookupResult result = ask(lookup(Capability.PERSON_LOOKUP), taxpayer.taxpayerId(), LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().source()).isEqualTo("tax");
        assertThat(result.record().subjectType()).isEqualTo(SubjectType.PERSON);
        assertThat(result.record().subjectId()).isEqualTo(taxpayer.taxpayerId());
        assertThat(result.record().digest()).isEqualTo(Sha256.of(servedBytes(taxpayer.taxpayerId())));
        assertThat(result.record().fields())
                .containsEntry("idNumber", taxpayer.taxpayerId())
                .containsEntry("name", taxpayer.name())
                .containsEntry("taxpayerStatus", "NORMAL")
                .containsEntry("taxRegisteredOn", taxpayer.registeredOn().toString())
                .containsEntry("taxOffice", taxpayer.taxOffice())
                .containsEntry("taxArrears", "Y".equals(taxpayer.arrears()));
    }

    @Test
    @DisplayName("a company is mapped to canonical legal entity fields, tax's view of the entity status included")
    void companyIsMappedToLegalEntityFields() throws Exception {
        Taxpayer taxpayer = taxpayer(sandbox.seed().demoCompany().creditCode());

        LookupResult result = ask(lookup(Capability.ENTITY_LOOKUP), taxpayer.taxpayerId(), LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().subjectType()).isEqualTo(SubjectType.LEGAL_ENTITY);
        assertThat(result.record().subjectId()).isEqualTo(taxpayer.taxpayerId());
        assertThat(result.record().digest()).isEqualTo(Sha256.of(servedBytes(taxpayer.taxpayerId())));
        assertThat(result.record().fields())
                .containsEntry("creditCode", taxpayer.taxpayerId())
                .containsEntry("name", taxpayer.name())
                .containsEntry("taxpayerStatus", "NORMAL")
                .containsEntry("status", "ACTIVE");
    }

    @Test
    @DisplayName("a company deregistered in market supervision but normal in tax keeps tax's own answer (the bus shows the conflict)")
    void deregisteredCompanyStillNormalInTax() {
        String code = sandbox.seed().cases().deregisteredButNormalInTax();

        LookupResult result = ask(lookup(Capability.ENTITY_LOOKUP), code, LookupResult.class);

        assertThat(result.record().fields()).containsEntry("taxpayerStatus", "NORMAL");
    }

    @Test
    @DisplayName("an identity number and a credit code tax does not know answer NOT_FOUND")
    void unknownTaxpayersAreNotFound() {
        assertThat(ask(lookup(Capability.PERSON_LOOKUP), TestSubjects.unknownPerson(), LookupResult.class))
                .isEqualTo(LookupResult.notFound("tax"));
        assertThat(ask(lookup(Capability.ENTITY_LOOKUP), TestSubjects.unknownCompany(), LookupResult.class))
                .isEqualTo(LookupResult.notFound("tax"));
    }

    /** The answer's body exactly as the department serves it, read with a plain HTTP client. */
    private byte[] servedBytes(String nsrsbh) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.taxUrl() + "/sw/nsr?nsrsbh=" + nsrsbh)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

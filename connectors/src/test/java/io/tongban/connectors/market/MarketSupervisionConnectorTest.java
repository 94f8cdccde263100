package io.tongban.connectors.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorIntegrationTest;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.Sha256;
import io.tongban.connectors.TestSubjects;
import io.tongban.mappings.SubjectType;
import io.tongban.sandbox.seed.Enterprise;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market supervision connector (REST/JSON) against the sandbox")
class MarketSupervisionConnectorTest extends ConnectorIntegrationTest {

    private String entityLookup() {
        return descriptor("market-supervision").endpoint(Capability.ENTITY_LOOKUP);
    }

    @Test
    @DisplayName("a registered company is mapped to canonical fields with provenance: source and the sha256 of the bytes the department sent")
    void registeredCompanyIsMappedWithProvenance() throws Exception {
        Enterprise company = sandbox.seed().demoCompany();

        LookupResult result = ask(entityLookup(), company.creditCode(), LookupResult.class);

        assertThat(result.status()).isEqualTo(LookupResult.Status.FOUND);
        assertThat(result.record().source()).isEqualTo("market-supervision");
        assertThat(result.record().subjectType()).isEqualTo(SubjectType.LEGAL_ENTITY);
        assertThat(result.record().subjectId()).isEqualTo(company.creditCode());
        assertThat(result.record().fields())
                .containsEntry("creditCode", company.creditCode())
                .containsEntry("name", company.name())
                .containsEntry("legalRepresentative", company.legalRepresentative())
                .containsEntry("legalRepresentativeIdNumber", company.legalRepresentativeId())
                .containsEntry("establishedOn", company.establishedOn().toString())
                .containsEntry("status", "ACTIVE")
                .containsEntry("domicile", company.domicile());
        // ZCZB is in 10,000 CNY; the canonical capital is in CNY, to the fen
        assertThat((BigDecimal) result.record().fields().get("registeredCapital"))
                .isEqualByComparingTo(company.registeredCapital().multiply(BigDecimal.valueOf(10_000)));
        assertThat(result.record().digest()).isEqualTo(Sha256.of(servedBytes(company.creditCode())));
    }

    @Test
    @DisplayName("a well-formed credit code market supervision does not know answers NOT_FOUND")
    void unknownCompanyIsNotFound() {
        LookupResult result = ask(entityLookup(), TestSubjects.unknownCompany(), LookupResult.class);

        assertThat(result).isEqualTo(LookupResult.notFound("market-supervision"));
    }

    /** The answer's body exactly as the department serves it, read with a plain HTTP client. */
    private byte[] servedBytes(String creditCode) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.marketSupervisionUrl() + "/scjg/api/qy/" + creditCode)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.sandbox.seed.CreditCodes;
import io.tongban.sandbox.seed.Enterprise;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LegalEntityLookupTest extends SandboxedBusTest {

    @Test
    @DisplayName("A company lookup merges market supervision's registration and tax's taxpayer record")
    void mergesMarketSupervisionAndTax() {
        Enterprise company = SeedSubjects.companyInEverySource();

        Answer answer = get("/api/v1/legal-entities/" + company.creditCode());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode fields = answer.body().path("fields");
        assertThat(fields.path("name").path("value").asText()).isEqualTo(company.name());
        assertThat(fields.path("name").path("source").asText()).isEqualTo("market-supervision");
        assertThat(fields.path("legalRepresentativeIdNumber").path("value").asText()).isEqualTo(company.legalRepresentativeId());
        assertThat(fields.path("registeredCapital").path("value").decimalValue())
                .isEqualByComparingTo(company.registeredCapital().multiply(BigDecimal.valueOf(10_000)));
        assertThat(fields.path("taxCreditGrade").path("source").asText()).isEqualTo("tax");
        assertThat(sourceStatus(answer.body(), "market-supervision")).isEqualTo("REFRESHED");
        assertThat(sourceStatus(answer.body(), "tax")).isEqualTo("REFRESHED");
    }

    @Test
    @DisplayName("A company deregistered in market supervision but normal in tax shows the status conflict, market supervision winning")
    void deregisteredButNormalInTax() {
        String code = sandbox().seed().cases().deregisteredButNormalInTax();

        JsonNode body = get("/api/v1/legal-entities/" + code).body();

        assertThat(body.path("fields").path("status").path("value").asText()).isEqualTo("DEREGISTERED");
        assertThat(body.path("conflicts").findValuesAsText("field")).contains("status");
    }

    @Test
    @DisplayName("A valid credit code no source holds is a 404 with base.subject_not_found")
    void unknownCompanyIsNotFound() {
        String unknown = CreditCodes.build('1', "440300", "MA5DCEXL");
        assertThat(sandbox().seed().enterprise(unknown)).isEmpty();

        Answer answer = get("/api/v1/legal-entities/" + unknown);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("base.subject_not_found");
    }
}

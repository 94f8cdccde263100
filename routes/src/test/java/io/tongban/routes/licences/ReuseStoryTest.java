package io.tongban.routes.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SubmittingBusTest;
import io.tongban.routes.audit.SubjectHasher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The domain's reuse story (一次提交、多次复用), over HTTP, through the connectors, to the sandbox departments and back. */
class ReuseStoryTest extends SubmittingBusTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SubjectHasher hasher;

    @Test
    @DisplayName("After company establishment, the invoice application reuses the business licence and the residence permit reuses the proof of domicile, with nothing uploaded twice; the reuse ledger records both")
    void submitOnceReuseEverywhere() {
        long foundersMaterials = materialsOf(FOUNDER);
        String domicile = upload("domicile-proof", FOUNDER);
        JsonNode establishment = awaitCompleted(establishCompany(uniqueCompanyName(), domicile));
        assertThat(establishment.path("status").asText()).as(establishment.toString()).isEqualTo("APPROVED");
        String company = task(establishment, "market-supervision").path("results").path("creditCode").asText();
        String businessLicence = establishment.path("licences").get(0).path("identifier").asText();

        Answer invoice = trySubmit("{\"matter\":\"invoice-application\",\"applicant\":\"" + company + "\"}");
        Answer permit = trySubmit("{\"matter\":\"residence-permit\",\"applicant\":\"" + FOUNDER
                + "\",\"form\":{\"name\":\"林示范\"}}");

        assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(202);
        assertThat(permit.status()).as(permit.body().toString()).isEqualTo(202);
        JsonNode reusedLicence = material(invoice.body(), "business-licence");
        assertThat(reusedLicence.path("satisfiedBy").asText()).isEqualTo("E_LICENCE");
        assertThat(reusedLicence.path("grade").asText()).isEqualTo("A");
        assertThat(reusedLicence.path("licence").asText()).isEqualTo(businessLicence);
        assertThat(reusedLicence.path("origin").asText()).isEqualTo("local");
        JsonNode reusedDomicile = material(permit.body(), "domicile-proof");
        assertThat(reusedDomicile.path("satisfiedBy").asText()).isEqualTo("REUSE");
        assertThat(reusedDomicile.path("material").asText()).isEqualTo(domicile);
        assertThat(reusedDomicile.path("origin").asText()).isEqualTo("one-window-platform");

        JsonNode invoiceDone = awaitCompleted(invoice.body().path("id").asText());
        JsonNode permitDone = awaitCompleted(permit.body().path("id").asText());
        assertThat(invoiceDone.path("status").asText()).as(invoiceDone.toString()).isEqualTo("APPROVED");
        assertThat(permitDone.path("status").asText()).as(permitDone.toString()).isEqualTo("APPROVED");
        assertThat(material(invoiceDone, "business-licence").path("licence").asText()).isEqualTo(businessLicence);
        assertThat(material(permitDone, "domicile-proof").path("material").asText()).isEqualTo(domicile);
        assertThat(permitDone.path("licences").findValuesAsText("licenceType")).containsExactly("residence-permit");

        assertThat(materialsOf(FOUNDER) - foundersMaterials).as("the domicile proof and the articles, once each")
                .isEqualTo(2);
        assertThat(materialsOf(company)).isZero();
        List<Map<String, Object>> ledger = jdbc.queryForList("SELECT material, satisfied_by, reused, origin"
                + " FROM reuse_ledger WHERE submission_id IN (?, ?) ORDER BY material",
                invoice.body().path("id").asText(), permit.body().path("id").asText());
        assertThat(ledger).extracting(row -> row.get("MATERIAL") + " " + row.get("SATISFIED_BY") + " "
                + row.get("REUSED") + " " + row.get("ORIGIN")).containsExactly(
                "business-licence E_LICENCE " + businessLicence + " local",
                "domicile-proof REUSE " + domicile + " one-window-platform");
    }

    private long materialsOf(String holder) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM material WHERE holder_hash = ?", Long.class,
                hasher.hash(holder));
    }
}

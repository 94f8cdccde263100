package io.tongban.routes.matters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tongban.routes.SandboxedBusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped matter catalogue over HTTP against the running bus. */
class MatterApiTest extends SandboxedBusTest {

    @Test
    @DisplayName("The catalogue lists the four matters; company establishment runs in parallel at three departments and issues the business licence")
    void catalogue() {
        Answer all = get("/api/v1/matters");
        Answer establishment = get("/api/v1/matters/company-establishment");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().findValuesAsText("code")).contains("company-establishment", "invoice-application",
                "residence-permit", "insurance-registration");
        JsonNode matter = establishment.body();
        assertThat(matter.path("departments").findValuesAsText("department"))
                .containsExactly("market-supervision", "tax", "social-security");
        assertThat(matter.path("issues").path("licenceType").asText()).isEqualTo("business-licence");
        JsonNode identity = matter.path("materials").get(0);
        assertThat(identity.path("sources").get(0).path("type").asText()).isEqualTo("SYSTEM_VERIFICATION");
        assertThat(identity.path("sources").get(0).path("grade").asText()).isEqualTo("A");
        assertThat(matter.path("materials").findValuesAsText("code")).contains("domicile-proof");
        JsonNode promise = matter.path("promise");
        LocalDate accepted = LocalDate.parse(promise.path("ifAcceptedOn").asText());
        assertThat(LocalDate.parse(promise.path("departments").path("tax").asText())).isAfter(accepted);
        assertThat(promise.path("completeBy").asText()).isEqualTo(promise.path("departments").path("tax").asText());
    }

    @Test
    @DisplayName("An unknown matter code is a 404 matter.unknown; without a token, a 401")
    void unknownAndAnonymous() {
        Answer unknown = get("/api/v1/matters/fishing-licence");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("matter.unknown");
        assertThat(send(anonymousRequest("/api/v1/matters").build()).status()).isEqualTo(401);
    }
}

package io.tongban.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input gets a problem+json answer with a stable code, and never reaches a department. */
class InvalidInputTest extends SandboxedBusTest {

    @ParameterizedTest(name = "identity number {0}: {1}")
    @CsvSource({
            "440305198304261275, WRONG_CHECK_CHARACTER, check character should be 4, not 5",
            "44030519830426127,  WRONG_LENGTH,          not 17",
            "4403051983042612745, WRONG_LENGTH,         not 19",
            "440305198302311274, INVALID_DATE,          19830231",
            "44030519830426127A, ILLEGAL_CHARACTER,     ''",
    })
    @DisplayName("An invalid identity number is a 400 naming what is wrong")
    void invalidIdentityNumber(String idNumber, String reason, String detail) {
        Answer answer = get("/api/v1/persons/" + idNumber);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("mapping.invalid_identifier");
        assertThat(answer.body().path("reason").asText()).isEqualTo(reason);
        assertThat(answer.body().path("detail").asText()).contains(detail);
    }

    @ParameterizedTest(name = "credit code {0}: {1}")
    @CsvSource({
            "914403077358L88228, WRONG_CHECK_CHARACTER",
            "914403077358L8822,  WRONG_LENGTH",
            "914403077358I88227, ILLEGAL_CHARACTER",
    })
    @DisplayName("An invalid credit code is a 400 naming what is wrong")
    void invalidCreditCode(String code, String reason) {
        Answer answer = get("/api/v1/legal-entities/" + code);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("mapping.invalid_identifier");
        assertThat(answer.body().path("reason").asText()).isEqualTo(reason);
    }

    @Test
    @DisplayName("Malformed JSON is a 400 with api.malformed_request")
    void malformedJson() {
        Answer answer = postJson("/api/v1/identity-checks", "{\"idNumber\": \"440305198304261274\", \"name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.malformed_request");
    }

    @Test
    @DisplayName("A missing required field is a 400 with api.invalid_request naming the field")
    void missingField() {
        Answer answer = postJson("/api/v1/identity-checks", "{\"idNumber\": \"440305198304261274\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.invalid_request");
        assertThat(answer.body().path("detail").asText()).contains("name");
    }

    @Test
    @DisplayName("A body over the declared limit is refused at once with a 413")
    void oversizedDeclaredBody() {
        String big = "{\"idNumber\":\"" + "1".repeat(9_000_000) + "\",\"name\":\"x\"}";

        Answer answer = postJson("/api/v1/identity-checks", big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.payload_too_large");
    }

    @Test
    @DisplayName("A chunked body that grows past the limit is cut off with a 413")
    void oversizedChunkedBody() {
        byte[] big = ("{\"idNumber\":\"" + "1".repeat(9_000_000) + "\",\"name\":\"x\"}").getBytes();
        HttpRequest request = request(("/api/v1/identity-checks"))
                .header("Content-Type", "application/json")
                // an unknown length makes the client send the body chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        Answer answer = send(request);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.payload_too_large");
    }

    @Test
    @DisplayName("A body of another media type is a 415")
    void wrongMediaType() {
        Answer answer = send(request(("/api/v1/identity-checks")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<check/>")).build());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.unsupported_media_type");
    }

    @Test
    @DisplayName("A method an operation does not take is a 405 naming the methods it does, beside an operation that answers on a neighbouring path")
    void wrongMethod() {
        Answer answer = send(request("/api/v1/persons/" + sandbox().seed().demoPerson().identityNumber())
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.method_not_allowed");
        assertThat(get("/api/v1/persons/" + sandbox().seed().demoPerson().identityNumber()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("An XML body with an external entity is refused without being parsed")
    void xmlExternalEntityRefused() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><c>&x;</c>";
        Answer answer = send(request(("/api/v1/identity-checks")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(hostile)).build());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.body().toString()).doesNotContain("root:");
    }

    @Test
    @DisplayName("Requests the HTTP server itself refuses (an encoded slash, an oversized header) are problem+json, not HTML")
    void serverRefusalsAreProblems() {
        Answer encodedSlash = get("/api/v1/persons/4403%2F05198304261274");
        Answer hugeHeader = send(request("/api/v1/audit/checkpoint").header("X-Padding", "a".repeat(20_000)).build());

        for (Answer answer : List.of(encodedSlash, hugeHeader)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("code").asText()).isEqualTo("api.malformed_request");
        }
    }

    @Test
    @DisplayName("An unknown path is a problem+json 404 with api.not_found")
    void unknownPath() {
        Answer answer = get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("api.not_found");
    }
}

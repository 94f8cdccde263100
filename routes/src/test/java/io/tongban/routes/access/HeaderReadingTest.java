package io.tongban.routes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bus reads bearer tokens and checks header characters without regular expressions; Spring Security's own
 * resolver and firewall rules are the yardstick, so that every input gets the same verdict.
 */
class HeaderReadingTest {

    // the expressions of Spring Security's StrictHttpFirewall (6.5), which its predicates are not exposed to compare
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    @DisplayName("Every Unicode code point, alone and between letters, is allowed in a header name and value exactly when Spring's firewall expressions allow it")
    void headerCharactersAsTheFirewall() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String alone = new String(Character.toChars(c));
            String within = "a" + alone + "b";
            for (String text : List.of(alone, within)) {
                assertThat(HeaderCharacters.allowedInName(text)).as("name U+%04X", c).isEqualTo(NAME.matcher(text).matches());
                assertThat(HeaderCharacters.allowedInValue(text)).as("value U+%04X", c).isEqualTo(VALUE.matcher(text).matches());
            }
        }
        for (String lone : List.of("\uD800", "a\uDC00", "\uDBFF\uDBFF")) { // unpaired surrogates
            assertThat(HeaderCharacters.allowedInValue(lone)).isEqualTo(VALUE.matcher(lone).matches());
        }
    }

    @Test
    @DisplayName("An Authorization header gives the same token, no token, or the same invalid_token refusal as Spring's bearer token resolver")
    void bearerTokensAsSpringReadsThem() {
        String token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwbGF0Zm9ybSJ9.c2lnbmF0dXJl-_~+/";
        List<String> headers = new ArrayList<>(List.of("Bearer " + token, "bearer " + token, "BEARER " + token,
                "Bearer " + token + "==", "Bearer a", "Bearer =", "Bearer a=b", "Bearer  " + token, "Bearer " + token + " ",
                "Bearer", "Bearer ", "Bearerx" + token, "Bearer\t" + token, "Basic dXNlcjpwYXNz", "bear " + token, "",
                "Bearer " + token + "\n", "Bearer tok%en", "Bearer tök", "Bearer a b", "Bearer a=="));
        for (char c = 0; c < 128; c++) {
            headers.add("Bearer ab" + c + "cd");
            headers.add("Bearer abcd" + c);
        }
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        AuthorizationHeaderToken ours = new AuthorizationHeaderToken();
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/persons/x");
            request.addHeader("Authorization", header);
            String expected;
            try {
                expected = spring.resolve(request);
            } catch (OAuth2AuthenticationException refused) {
                assertThatThrownBy(() -> ours.resolve(request)).as(header).isInstanceOf(OAuth2AuthenticationException.class)
                        .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo(refused.getError().getErrorCode());
                continue;
            }
            assertThat(ours.resolve(request)).as(header).isEqualTo(expected);
        }
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/"))).isNull();
    }
}

package io.tongban.routes.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tongban.routes.SandboxedBusTest;
import io.tongban.routes.TestSandbox;
import jakarta.servlet.Filter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Closed by default, over HTTP against the running bus: every API operation the application maps refuses a caller
 * without credentials, forged tokens of every kind are 401, and each role reaches only what it is for.
 */
class AuthenticationTest extends SandboxedBusTest {

    /** The operations public by nature; everything else the bus maps must refuse an anonymous caller. */
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/trust-anchors", "GET /api/v1/crls/{algorithm}",
            "GET /api/v1/audit/checkpoint", "GET /api/v1/licences/{identifier}/status");
    private static final String PERSON = "/api/v1/persons/440305198304261274";
    /** Sample values for the path variables of the mapped operations. */
    private static final Map<String, String> VARIABLES = Map.of("{idNumber}", "440305198304261274",
            "{creditCode}", "91440300MA5FXT4K7Q", "{index}", "0", "{algorithm}", "sm2",
            "{id}", "00000000-0000-0000-0000-000000000000", "{code}", "company-establishment",
            "{identifier}", "1.2.156.3005.2.11100000MB0000010Q001.11440300MB00000237.1.001.0");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping operations;

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("Spring Security's filter chain runs without the handler-lookup cache in front of it (the bus's rules"
            + " never ask Spring MVC's handler mappings)")
    void theSecurityChainHasNoHandlerLookupCache() throws Exception {
        Filter chain = context.getBean(PlainSecurityFilterChain.CHAIN, Filter.class);
        List<String> attributes = new ArrayList<>();
        chain.doFilter(new MockHttpServletRequest("GET", "/api/v1/trust-anchors"), new MockHttpServletResponse(),
                (request, response) -> attributes.addAll(Collections.list(request.getAttributeNames())));
        assertThat(attributes).as("the request's attributes behind the security chain").isNotEmpty()
                .noneMatch(name -> name.contains("HandlerMappingIntrospector"));
    }

    @Test
    @DisplayName("Every API operation the bus maps, public ones aside, refuses a request without credentials: 401 problem+json")
    void everyOperationNeedsCredentials() {
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo mapping : operations.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    String operation = method + " " + pattern;
                    if (!pattern.startsWith("/api/") || PUBLIC.contains(operation)) {
                        continue;
                    }
                    String path = pattern;
                    for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
                        path = path.replace(variable.getKey(), variable.getValue());
                    }
                    assertThat(path).as(operation).doesNotContain("{");
                    Answer answer = send(anonymousRequest(path).header("Content-Type", "application/json")
                            .method(method.name(), HttpRequest.BodyPublishers.ofString("{}")).build());
                    assertThat(answer.status()).as(operation).isEqualTo(401);
                    assertThat(answer.contentType()).as(operation).startsWith("application/problem+json");
                    assertThat(answer.body().path("code").asText()).as(operation).isEqualTo("access.unauthenticated");
                    checked.add(operation);
                }
            }
        }
        assertThat(checked).contains("GET /api/v1/persons/{idNumber}", "POST /api/v1/identity-checks",
                "GET /api/v1/audit/entries", "GET /api/v1/access-reports/persons/{idNumber}");
    }

    @Test
    @DisplayName("What is public by nature answers without credentials")
    void publicByNature() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/v3/api-docs",
                "/api/v1/trust-anchors", "/api/v1/crls/sm2", "/api/v1/audit/checkpoint", "/audit/", "/audit/console.js")) {
            assertThat(statusOf(anonymousRequest(path).build())).as(path).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Forged tokens are 401: alg none, HMAC keyed with the public key, a changed claim, expired, wrong audience, wrong issuer, unknown key")
    void forgedTokens() throws Exception {
        DemoIssuer demo = DemoIssuer.in(TestSandbox.dataDir().resolve("demo"));
        String valid = token(Role.PLATFORM);
        assertThat(lookupWith(valid)).isEqualTo(200);

        Map<String, String> forged = new java.util.LinkedHashMap<>();
        forged.put("alg none", unsigned(claims(UnaryOperator.identity())));
        forged.put("HMAC keyed with the public key", hmacSigned(claims(UnaryOperator.identity()),
                demo.publicKey().getEncoded()));
        forged.put("changed claim under a valid signature", withPayload(valid,
                claims(builder -> builder.claim("roles", List.of("platform", "admin")))));
        forged.put("expired", signed(demoKey(), claims(builder -> builder.expirationTime(Date.from(Instant.now()
                .minus(Duration.ofMinutes(5)))))));
        forged.put("wrong audience", signed(demoKey(), claims(builder -> builder.audience("another-bus"))));
        forged.put("wrong issuer", signed(demoKey(), claims(builder -> builder.issuer("https://idp.example"))));
        forged.put("unknown key", signed(freshKey(), claims(UnaryOperator.identity())));
        forged.put("garbage", "not.a.token");
        for (Map.Entry<String, String> token : forged.entrySet()) {
            Answer answer = send(anonymousRequest(PERSON).header("Authorization", "Bearer " + token.getValue())
                    .setHeader("Tongban-Purpose", "residence-permit").build());
            assertThat(answer.status()).as(token.getKey()).isEqualTo(401);
            assertThat(answer.body().path("code").asText()).as(token.getKey()).isEqualTo("access.unauthenticated");
        }
    }

    @Test
    @DisplayName("Each role reaches what it is for: an auditor or an admin cannot read a person, a platform cannot read the log")
    void rolesReachOnlyTheirOwn() {
        assertThat(lookupWith(token(Role.AUDITOR))).isEqualTo(403);
        assertThat(lookupWith(token(Role.ADMIN))).isEqualTo(403);
        assertThat(lookupWith(token(Role.PLATFORM))).isEqualTo(200);
        Answer log = send(anonymousRequest("/api/v1/audit/entries").header("Authorization", "Bearer "
                + token(Role.PLATFORM)).build());
        assertThat(log.status()).isEqualTo(403);
        assertThat(log.body().path("code").asText()).isEqualTo("access.forbidden");
        assertThat(get("/api/v1/audit/entries?limit=1").status()).isEqualTo(200); // the auditor's
    }

    @Test
    @DisplayName("A refusal lands in the exchange log with the operation and, once known, the consumer")
    void refusalsAreLogged() {
        Answer refused = send(anonymousRequest(PERSON).header("Authorization", "Bearer " + token(Role.AUDITOR)).build());
        assertThat(refused.status()).isEqualTo(403);

        JsonNode entries = get("/api/v1/audit/entries?outcome=REFUSED&consumer=demo-auditor&limit=5").body();
        assertThat(entries.path("entries")).isNotEmpty();
        JsonNode entry = entries.path("entries").get(0).path("entry");
        assertThat(entry.path("operation").asText()).isEqualTo("GET /api/v1/persons/{idNumber}");
        assertThat(entry.path("errorCode").asText()).isEqualTo("access.forbidden");
        assertThat(entry.path("httpStatus").asInt()).isEqualTo(403);
    }

    @Test
    @DisplayName("Beyond its rate a consumer gets 429 with Retry-After, keyed by its identity: another consumer carries on")
    void rateLimitedByConsumer() throws Exception {
        String limited = signed(demoKey(), claims(builder -> builder.subject("rate-limited-test"))); // 3 per second
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<java.net.http.HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(http.send(anonymousRequest("/api/v1/purposes").header("Authorization", "Bearer " + limited).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }

        List<java.net.http.HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(refused.get(0).body()).path("code").asText()).isEqualTo("access.rate_limited");
        assertThat(get("/api/v1/purposes").status()).isEqualTo(200); // the demo platform is another consumer
    }

    private int lookupWith(String token) {
        return send(anonymousRequest(PERSON).header("Authorization", "Bearer " + token)
                .setHeader("Tongban-Purpose", "residence-permit").build()).status();
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(DemoIssuer.ISSUER).subject("one-window-platform")
                .audience("tongban-bus").claim("roles", List.of("platform")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))).build();
    }

    private static String signed(ECPrivateKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
        token.sign(new ECDSASigner(key));
        return token.serialize();
    }

    private static String hmacSigned(JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        return token.serialize();
    }

    private static String unsigned(JWTClaimsSet claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
    }

    /** A valid token's header and signature around another payload. */
    private static String withPayload(String valid, JWTClaimsSet claims) {
        String[] parts = valid.split("\\.");
        return parts[0] + "." + b64(claims.toString()) + "." + parts[2];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ECPrivateKey demoKey() throws Exception {
        return (ECPrivateKey) java.security.KeyFactory.getInstance("EC").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(PemKeys.der(java.nio.file.Files.readString(
                        TestSandbox.dataDir().resolve("demo").resolve("token-issuer.key")))));
    }

    private static ECPrivateKey freshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return (ECPrivateKey) generator.generateKeyPair().getPrivate();
    }
}

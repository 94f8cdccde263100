package io.tongban.routes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

class DemoIssuerTest {

    @Test
    @DisplayName("Demo mode is refused under the prod profile and on any address but loopback")
    void demoOnlyOnLoopbackOutsideProd() {
        assertThatThrownBy(() -> DemoIssuer.requireDemoAllowed(List.of("prod"), "127.0.0.1"))
                .hasMessageContaining("prod");
        for (String address : new String[] {null, "", "0.0.0.0", "192.0.2.10"}) {
            assertThatThrownBy(() -> DemoIssuer.requireDemoAllowed(List.of("sandbox"), address))
                    .as(String.valueOf(address)).hasMessageContaining("loopback");
        }
        for (String address : List.of("127.0.0.1", "::1", "localhost")) {
            assertThatCode(() -> DemoIssuer.requireDemoAllowed(List.of("sandbox"), address)).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("Without demo mode and without a configured issuer the bus refuses to start rather than open up")
    void noIssuerNoStart() {
        AccessProperties none = new AccessProperties("tongban-bus", Duration.ofSeconds(30), List.of(),
                new AccessProperties.Demo(false, null, Duration.ofDays(7), "demo-department", List.of()), new AccessProperties.RateLimit(2000, java.util.Map.of()),
                new AccessProperties.MutualTls(false, 8443, null, null, List.of()));

        assertThatThrownBy(() -> new SecurityConfiguration().issuers(none, new MockEnvironment()))
                .hasMessageContaining("No token issuer is trusted");
    }

    @Test
    @DisplayName("The demo issuer writes one token per role, each verifying under its key with that role; the key survives restarts")
    void oneTokenPerRole(@TempDir Path directory) throws Exception {
        DemoIssuer first = DemoIssuer.startIn(directory, "tongban-bus", Duration.ofDays(7), "demo-department");
        DemoIssuer again = DemoIssuer.startIn(directory, "tongban-bus", Duration.ofDays(7), "demo-department");
        assertThat(again.publicKey()).isEqualTo(first.publicKey());

        var decoder = TokenDecoders.forKey(first.publicKey(), DemoIssuer.ISSUER, "tongban-bus", Duration.ofSeconds(30));
        for (Role role : Role.values()) {
            Jwt token = decoder.decode(Files.readString(directory.resolve(role.claimValue() + ".token")));
            assertThat(token.getClaimAsStringList("roles")).containsExactly(role.claimValue());
            assertThat(token.getAudience()).containsExactly("tongban-bus");
        }
        assertThat(decoder.decode(Files.readString(directory.resolve("department.token"))).getSubject())
                .isEqualTo("demo-department");
        var otherAudience = TokenDecoders.forKey(first.publicKey(), DemoIssuer.ISSUER, "another-bus", Duration.ofSeconds(30));
        assertThatThrownBy(() -> otherAudience.decode(Files.readString(directory.resolve("platform.token"))))
                .isInstanceOf(JwtException.class);
    }
}

package io.tongban.routes.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the bus ({@code bus.access.*}): the token issuers it trusts and, with the embedded defaults only, its
 * own demo issuer.
 *
 * @param audience  the audience every token must name
 * @param clockSkew how far a token's times may be off the bus's clock
 * @param issuers   the trusted issuers of bearer tokens (ES256 only)
 * @param demo      the demo issuer, for the embedded defaults
 * @param rateLimit requests per second each consumer may send, and exceptions by consumer name
 * @param mutualTls the listener for department systems, which authenticate with client certificates
 */
@ConfigurationProperties("bus.access")
public record AccessProperties(@DefaultValue("tongban-bus") String audience,
                               @DefaultValue("PT30S") Duration clockSkew,
                               @DefaultValue List<Issuer> issuers,
                               @DefaultValue Demo demo,
                               @DefaultValue RateLimit rateLimit,
                               @DefaultValue MutualTls mutualTls) {

    /** @param perSecond the default for every consumer; {@code consumers} overrides it by consumer name */
    public record RateLimit(@DefaultValue("2000") int perSecond, @DefaultValue Map<String, Integer> consumers) {
    }

    /**
     * One trusted issuer: its {@code iss} value and where its ES256 keys are, a PEM public key file or a JWK set URI.
     */
    public record Issuer(String issuer, String publicKeyLocation, String jwkSetUri) {
    }

    /**
     * A second listener, TLS only, where department systems call with a client certificate of the bus PKI (ECDSA:
     * the TLS libraries here speak no SM2). The certificate's subject common name is the consumer, which must be
     * registered here; the consumer acts as a department.
     *
     * @param port        0 for any free port
     * @param certificate the listener's own certificate chain (PEM); in demo mode issued by the demo PKI when unset
     * @param privateKey  its key (PEM, PKCS#8 "PRIVATE KEY")
     * @param consumers   the registered department systems, by their certificates' common names
     */
    public record MutualTls(@DefaultValue("false") boolean enabled, @DefaultValue("8443") int port, String certificate,
                            String privateKey, @DefaultValue List<String> consumers) {
    }

    /**
     * The bus as its own token issuer, for the embedded defaults: refused under the prod profile or on an address
     * other than loopback.
     *
     * @param directory     where the key and one token per role are written
     * @param tokenValidity how long the tokens minted at start-up stay valid
     * @param department    the consumer the department token speaks for (the sandbox names one of its departments)
     * @param grants        written once, on the first start, so that a newcomer sees conditional fields at all
     */
    public record Demo(@DefaultValue("false") boolean enabled, String directory,
                       @DefaultValue("P7D") Duration tokenValidity, @DefaultValue("demo-department") String department,
                       @DefaultValue List<DemoGrant> grants) {
    }

    /** A grant of demo mode: {@code fields} as in the admin API (names, or {@code group:<group>}). */
    public record DemoGrant(String consumer, List<String> fields, String purpose) {
    }
}

package io.tongban.routes.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus as its own token issuer, for the embedded defaults only: an ES256 key kept under the demo directory and,
 * minted at every start, one bearer token per role written beside it ({@code platform.token}, ...), so that a
 * newcomer can call the bus with curl at once. Never a production issuer: the bus refuses to start with it under
 * the prod profile or when it listens on anything but loopback.
 */
public final class DemoIssuer {

    public static final String ISSUER = "urn:tongban:demo-issuer";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIssuer.class);
    private static final String KEY_FILE = "token-issuer.key";
    private static final String PUBLIC_KEY_FILE = "token-issuer.pub";

    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;

    private DemoIssuer(KeyPair keys) {
        this.publicKey = (ECPublicKey) keys.getPublic();
        this.privateKey = (ECPrivateKey) keys.getPrivate();
    }

    /** Refuses demo mode where it would open the bus to more than this machine. */
    static void requireDemoAllowed(List<String> activeProfiles, String serverAddress) {
        if (activeProfiles.contains("prod")) {
            throw new IllegalStateException("bus.access.demo.enabled=true under the prod profile: demo credentials"
                    + " are for the embedded defaults only; configure bus.access.issuers instead");
        }
        if (!isLoopback(serverAddress)) {
            throw new IllegalStateException("bus.access.demo.enabled=true while server.address is "
                    + (serverAddress == null ? "unset (every interface)" : serverAddress)
                    + ": demo credentials are served on loopback only; set server.address=127.0.0.1");
        }
    }

    /**
     * Loads the demo key from {@code directory}, creating it on first start, and writes a fresh token per role.
     *
     * @param department the consumer the department token speaks for
     */
    static DemoIssuer startIn(Path directory, String audience, java.time.Duration validity, String department) {
        Map<Role, String> consumers = Map.of(Role.PLATFORM, "one-window-platform", Role.DEPARTMENT, department,
                Role.AUDITOR, "demo-auditor", Role.ADMIN, "demo-admin");
        try {
            DemoIssuer issuer = in(directory);
            Instant now = Instant.now();
            for (Role role : Role.values()) {
                Path file = directory.resolve(role.claimValue() + ".token");
                Files.writeString(file, issuer.mint(consumers.get(role), List.of(role), audience, now, now.plus(validity)),
                        StandardCharsets.US_ASCII);
            }
            LOG.warn("DEMO MODE: the bus issues its own bearer tokens; one per role is in {} (valid until {})."
                    + " Never use demo mode for real data.", directory.toAbsolutePath(), now.plus(validity));
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo credentials under " + directory, e);
        }
    }

    /** The demo issuer whose key is kept in {@code directory}, created there if there is none yet. */
    static DemoIssuer in(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new DemoIssuer(loadOrCreate(directory));
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** A signed ES256 token for a consumer in the given roles. */
    public String mint(String consumer, List<Role> roles, String audience, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(consumer).audience(audience)
                .claim("roles", roles.stream().map(Role::claimValue).toList()).issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID("demo").build(), claims);
        try {
            token.sign(new ECDSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return token.serialize();
    }

    private static KeyPair loadOrCreate(Path directory) throws IOException {
        Path keyFile = directory.resolve(KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            if (Files.exists(keyFile) && Files.exists(publicFile)) {
                return new KeyPair(PemKeys.readPublicKey(publicFile),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(PemKeys.der(Files.readString(keyFile)))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Files.writeString(keyFile, PemKeys.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Files.writeString(publicFile, PemKeys.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or read the demo token key under " + directory, e);
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package io.tongban.routes.audit;

import io.tongban.mappings.SubjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a subject's identifier into what the exchange log may hold: an HMAC-SHA256 under a key of the bus (a plain
 * hash of an 18-digit identity number could be reversed by trying every plausible number) and a masked form; and
 * keyed digests of requests, which name identifiers too.
 */
public final class SubjectHasher {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectHasher.class);
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    SubjectHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the subject key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Reads the key (hex) from {@code file}; when there is none, creates a random one there (demo mode), loudly. */
    static SubjectHasher fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW);
                LOG.warn("Created a DEMO exchange-log subject key in {}: configure bus.audit.subject-key-file for production", file);
            }
            return new SubjectHasher(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exchange-log subject key " + file, e);
        }
    }

    /** @param identifier the canonical (18-character) identity number or credit code */
    public SubjectReference reference(SubjectType type, String identifier) {
        return new SubjectReference(type.name(), hash(identifier), mask(identifier));
    }

    public String hash(String identifier) {
        return HexFormat.of().formatHex(macs.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A keyed digest of an API request (request line and body): a plain one of a request naming an identity number
     * could be reversed as easily as a plain hash of the number.
     */
    public String requestDigest(String requestLine, byte[] body) {
        Mac mac = macs.get();
        mac.update(requestLine.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static String mask(String identifier) {
        if (identifier.length() <= 8) {
            return "*".repeat(identifier.length());
        }
        return identifier.substring(0, 4) + "*".repeat(identifier.length() - 8) + identifier.substring(identifier.length() - 4);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}

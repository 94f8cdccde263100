package io.tongban.mappings;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest recorded in {@link Provenance}: "sha256:&lt;hex&gt;" over the bytes a department sent, exactly as
 * received and before anything parsed them, so that an exchange can be checked against the department's own
 * records. Connectors digest a whole answer at once ({@link #of(byte[])}) or feed a {@link #sha256()} as the bytes
 * stream past ({@link #of(MessageDigest)}), so that an answer need not be held twice.
 */
public final class RecordDigest {
    private static final String ALGORITHM = "SHA-256";

    private RecordDigest() {
    }

    public static String of(byte[] departmentBytes) {
        return formatted(sha256().digest(departmentBytes));
    }

    /** A fresh SHA-256 to feed the department's bytes into while they are read. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Completes a digest from {@link #sha256()} that has been fed the department's bytes. */
    public static String of(MessageDigest fed) {
        if (!ALGORITHM.equals(fed.getAlgorithm())) {
            throw new IllegalArgumentException("the recorded digest is SHA-256, not " + fed.getAlgorithm());
        }
        return formatted(fed.digest());
    }

    private static String formatted(byte[] hash) {
        return "sha256:" + HexFormat.of().formatHex(hash);
    }
}

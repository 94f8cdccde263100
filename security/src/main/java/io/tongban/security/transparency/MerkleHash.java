package io.tongban.security.transparency;

import io.tongban.security.BouncyCastle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash of the exchange log's Merkle tree (RFC 9162 2.1.1): leaves are {@code H(0x00 || entry)},
 * interior nodes {@code H(0x01 || left || right)}, the empty tree {@code H("")}. The prefixes keep a
 * leaf from passing for a node. Its name appears in every checkpoint. Thread-safe: each thread keeps
 * its own digest.
 */
public enum MerkleHash {
    SHA_256("SHA-256"),
    SM3("SM3");

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final String algorithmName;
    private final ThreadLocal<MessageDigest> digests;
    private final byte[] emptyRoot;

    MerkleHash(String algorithmName) {
        this.algorithmName = algorithmName;
        this.digests = ThreadLocal.withInitial(() -> newDigest(algorithmName));
        this.emptyRoot = newDigest(algorithmName).digest();
    }

    /** {@code SHA-256} or {@code SM3}, as written in checkpoints and bundles. */
    public String algorithmName() {
        return algorithmName;
    }

    public static MerkleHash fromName(String name) {
        return Arrays.stream(values()).filter(h -> h.algorithmName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Merkle tree hash '" + name
                        + "', expected SHA-256 or SM3"));
    }

    /** Bytes of every hash of the tree. */
    public int hashLength() {
        return emptyRoot.length;
    }

    /** The leaf hash of an entry: H(0x00 || entry). */
    public byte[] leaf(byte[] entry) {
        MessageDigest digest = digests.get();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** The hash of an interior node: H(0x01 || left || right). */
    public byte[] node(byte[] left, byte[] right) {
        requireHash(left, "left child");
        requireHash(right, "right child");
        MessageDigest digest = digests.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the empty tree: H(""). */
    public byte[] emptyRoot() {
        return emptyRoot.clone();
    }

    /** Whether {@code hash} has this hash's length (false for null). */
    public boolean isHash(byte[] hash) {
        return hash != null && hash.length == emptyRoot.length;
    }

    byte[] requireHash(byte[] hash, String what) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException(what + " is not a " + algorithmName + " hash of " + hashLength()
                    + " bytes: " + (hash == null ? "null" : hash.length + " bytes"));
        }
        return hash;
    }

    private static MessageDigest newDigest(String name) {
        try {
            // the JDK's SHA-256 uses the CPU's SHA instructions and is several times faster than
            // Bouncy Castle's; SM3 exists only in Bouncy Castle
            return name.equals("SM3") ? MessageDigest.getInstance(name, BouncyCastle.PROVIDER)
                    : MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing", e);
        }
    }
}

package io.tongban.security.transparency;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tree head of the exchange log: which log ({@code origin}), how many entries, their Merkle root, the
 * tree's hash and when. What is signed is {@link #signedText()}, five lines:
 * <pre>
 * origin
 * size
 * base64(root)
 * SHA-256 | SM3
 * ISO-8601 instant
 * </pre>
 * each ending in a line feed. The time is kept to the millisecond, so that it survives any database
 * column and the text is rebuilt exactly from the fields.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, MerkleHash hash, Instant time) {
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        if (origin.isEmpty() || origin.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line without control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        rootHash = hash.requireHash(rootHash, "root hash").clone();
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The exact text the log signs (UTF-8). */
    public String signedText() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + hash.algorithmName() + "\n" + time + "\n";
    }

    /**
     * The checkpoint of a signed text, strictly: exactly the five lines {@link #signedText()} writes,
     * each in the one form it writes (no leading zeros, canonical base64, millisecond instant in UTC).
     */
    public static Checkpoint parse(String signedText) {
        String[] lines = signedText.split("\n", -1);
        if (lines.length != 6 || !lines[5].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is five lines, each ending in a line feed");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("checkpoint size is not a decimal number: " + lines[1]);
        }
        long size;
        byte[] root;
        Instant time;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
            time = Instant.parse(lines[4]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed checkpoint: " + e.getMessage(), e);
        }
        Checkpoint checkpoint = new Checkpoint(lines[0], size, root, MerkleHash.fromName(lines[3]), time);
        if (!checkpoint.signedText().equals(signedText)) {
            throw new IllegalArgumentException("checkpoint text is not in its canonical form (base64 with padding,"
                    + " UTC instant to the millisecond)");
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && size == that.size && origin.equals(that.origin)
                && Arrays.equals(rootHash, that.rootHash) && hash == that.hash && time.equals(that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), hash, time);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + Base64.getEncoder().encodeToString(rootHash)
                + ", " + hash.algorithmName() + ", " + time + "]";
    }
}

package io.tongban.routes.audit;

import io.tongban.security.canonical.CanonicalJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An entry's canonical text (RFC 8785), written on the exchange's own thread before the entry has a place in the
 * log, so that the one writer only fills in the two place members, {@code index} and {@code previous}: they sort
 * among the others, so the text is kept as the three runs of members around them.
 */
final class EntryText {

    private static final String INDEX = "index";
    private static final String PREVIOUS = "previous";

    /** '{' and the members sorting before "index", each followed by ','. */
    private final byte[] beforeIndex;
    /** The members sorting between "index" and "previous", each preceded by ','. */
    private final byte[] beforePrevious;
    /** The members sorting after "previous", each preceded by ',', and '}'. */
    private final byte[] afterPrevious;

    private EntryText(byte[] beforeIndex, byte[] beforePrevious, byte[] afterPrevious) {
        this.beforeIndex = beforeIndex;
        this.beforePrevious = beforePrevious;
        this.afterPrevious = afterPrevious;
    }

    /** The text of an entry with these fields, none of them a place member. */
    static EntryText of(Map<String, Object> fields) {
        if (fields.containsKey(INDEX) || fields.containsKey(PREVIOUS)) {
            throw new IllegalArgumentException("an entry's place members are the writer's to fill");
        }
        StringBuilder before = new StringBuilder(512).append('{');
        StringBuilder between = new StringBuilder(256);
        StringBuilder after = new StringBuilder(512);
        // String's natural order compares UTF-16 code units, the order RFC 8785 sorts member names in.
        for (Map.Entry<String, Object> member : new TreeMap<>(fields).entrySet()) {
            String name = member.getKey();
            StringBuilder run = name.compareTo(INDEX) < 0 ? before : name.compareTo(PREVIOUS) < 0 ? between : after;
            if (run != before) {
                run.append(',');
            }
            CanonicalJsonWriter.appendString(run, name);
            run.append(':');
            CanonicalJsonWriter.append(run, member.getValue());
            if (run == before) {
                run.append(',');
            }
        }
        after.append('}');
        return new EntryText(utf8(before), utf8(between), utf8(after));
    }

    /** The whole text at its place: its index and the base64 leaf hash of the entry before it ("" for the first). */
    byte[] at(long index, String previous) {
        byte[] indexMember = ("\"index\":" + index).getBytes(StandardCharsets.US_ASCII);
        byte[] previousMember = (",\"previous\":\"" + previous + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[beforeIndex.length + indexMember.length + beforePrevious.length + previousMember.length
                + afterPrevious.length];
        int at = 0;
        for (byte[] part : new byte[][] {beforeIndex, indexMember, beforePrevious, previousMember, afterPrevious}) {
            System.arraycopy(part, 0, text, at, part.length);
            at += part.length;
        }
        return text;
    }

    private static byte[] utf8(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}

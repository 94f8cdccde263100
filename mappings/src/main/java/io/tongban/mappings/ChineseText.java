package io.tongban.mappings;

import java.text.Normalizer;

/**
 * Normalises the text departments send, so that the same name or address written by two
 * systems compares equal. The rules, in order:
 * <ol>
 *   <li>Unicode NFC composition.</li>
 *   <li>Full-width ASCII letters, digits and symbols (U+FF01-U+FF5E) become half-width, except
 *       the marks in rule 4, whose form is decided there.</li>
 *   <li>Every kind of whitespace (ASCII, the ideographic space U+3000, no-break spaces, line
 *       breaks) counts as a space; zero-width characters are dropped. A space next to a Chinese
 *       character or Chinese punctuation is removed, as Chinese is written without spaces (so
 *       "福华路 1号" and "福华路1号" compare equal); between other characters runs of spaces
 *       collapse to one, and the ends are trimmed.</li>
 *   <li>The marks {@code ( ) , : ; ! ?} are written full-width (（ ） ， ： ； ！ ？) in text
 *       that contains any Chinese character, because registered names and addresses write them
 *       so, and half-width in text without Chinese characters. A comma between two digits stays
 *       half-width (a thousands separator). Other Chinese punctuation (。 、 “ ” 《 》) is kept.</li>
 * </ol>
 * Null and blank input give null, so an empty department value counts as absent.
 */
public final class ChineseText {
    private static final String MARKS_HALF = "(),:;!?";
    private static final String MARKS_FULL = "（），：；！？";

    private ChineseText() {
    }

    /** Normalises text as described in the class comment; null or blank input gives null. */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String text = toHalfWidth(Normalizer.normalize(input, Normalizer.Form.NFC));
        boolean chinese = text.codePoints().anyMatch(ChineseText::isHan);
        StringBuilder marked = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            marked.append(markForm(text, i, chinese));
        }
        String result = collapseSpaces(marked.toString());
        return result.isEmpty() ? null : result;
    }

    /** Full-width ASCII variants (U+FF01-U+FF5E) and U+3000 to their ASCII counterparts; null-safe. */
    public static String toHalfWidth(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char markForm(String text, int i, boolean chinese) {
        char c = text.charAt(i);
        int half = MARKS_HALF.indexOf(c);
        if (half < 0) {
            return c;
        }
        boolean thousandsSeparator = c == ','
                && i > 0 && i + 1 < text.length()
                && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
        return chinese && !thousandsSeparator ? MARKS_FULL.charAt(half) : c;
    }

    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isZeroWidth(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && previous != -1 && !isWide(previous) && !isWide(cp)) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(cp);
            previous = cp;
        }
        return out.toString();
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Chinese characters and Chinese (full-width) punctuation: no space is kept between them. */
    private static boolean isWide(int cp) {
        return isHan(cp)
                || (cp >= 0x3001 && cp <= 0x303F)
                || MARKS_FULL.indexOf(cp) >= 0
                || cp == '\u201C' || cp == '\u201D';
    }

    private static boolean isZeroWidth(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
    }
}

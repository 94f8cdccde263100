package io.tongban.routes.access;

/**
 * What Spring Security's strict firewall lets through in a header's name and value (assigned characters that are not
 * control characters, and a tab in a value), checked in one pass over the code points instead of by its regular
 * expressions, which it runs at every read of a header: on a warm lookup, over its long bearer token among others.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedInName(String name) {
        return allowed(name, false);
    }

    static boolean allowedInValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}

package io.tongban.sandbox.applications;

import java.util.Map;

/** Which decisions a feed request asks for: those after XH {@code after}, at most {@code limit}. */
public record FeedPage(long after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /**
     * The REST feeds' query: {@code after} defaults to 0, {@code limit} to 100 and must be 1..500; a blank value
     * means the default. Anything else is refused rather than guessed at.
     */
    public static FeedPage of(Map<String, String> query) {
        String after = query.getOrDefault("after", "");
        String limit = query.getOrDefault("limit", "");
        FeedPage page = new FeedPage(after.isBlank() ? 0 : number(after, "after"),
                limit.isBlank() ? DEFAULT_LIMIT : (int) Math.min(number(limit, "limit"), Integer.MAX_VALUE));
        if (page.limit() < 1 || page.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return page;
    }

    /** SOAP's FetchDecisions: both numbers are required, a limit above 500 is capped. */
    public static FeedPage capped(String after, String limit) {
        return new FeedPage(number(after, "ZXXH"), (int) Math.min(number(limit, "ZDTS"), MAX_LIMIT));
    }

    private static long number(String text, String name) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d{1,18}")) {
            throw new IllegalArgumentException(name + " must be a whole number, 0 or more");
        }
        return Long.parseLong(trimmed);
    }
}

package io.tongban.connectors;

/** The department's answer to an {@link IdentityCheckRequest}; {@code consistent} is null when it could not answer. */
public record IdentityCheckResult(String source, Boolean consistent, String detail) {

    public static IdentityCheckResult of(String source, boolean consistent) {
        return new IdentityCheckResult(source, consistent, null);
    }

    public static IdentityCheckResult unavailable(String source, String detail) {
        return new IdentityCheckResult(source, null, detail);
    }
}

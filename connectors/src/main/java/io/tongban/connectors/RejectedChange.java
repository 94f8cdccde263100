package io.tongban.connectors;

/**
 * A change-feed item that could not be applied, reported so that the department can correct it.
 *
 * @param location where in the feed, e.g. {@code QYBG_20261124.csv:7}
 * @param code     the stable error code, e.g. {@code mapping.invalid_identifier}
 * @param message  what is wrong, without personal data
 */
public record RejectedChange(String source, String location, String code, String message) {
}

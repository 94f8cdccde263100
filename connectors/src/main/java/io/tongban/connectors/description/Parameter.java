package io.tongban.connectors.description;

/**
 * One configuration key of a connector, {@code bus.connectors.<source>.<name>}, as its description documents it.
 *
 * @param type         string, integer, url, path or boolean
 * @param defaultValue the value when nothing configures it, or null: then the connector is off until it is set
 * @param sandboxValue the value under the sandbox profile (the embedded line systems), or null
 * @param secret       a password or key: never given a default, never logged
 */
public record Parameter(String name, String title, String description, String type, String defaultValue,
                        String example, String sandboxValue, boolean secret) {

    /** A parameter that must be set before the connector is switched on. */
    public boolean required() {
        return defaultValue == null && !secret;
    }
}

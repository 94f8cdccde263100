package io.tongban.connectors;

/** Does this identity number belong to a person of this name? Asked without the record being shared. */
public record IdentityCheckRequest(String idNumber, String name) {
}

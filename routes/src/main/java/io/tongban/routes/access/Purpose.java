package io.tongban.routes.access;

/** A purpose a request for subjects' data may state, with its legal basis. */
public record Purpose(String code, String name, String legalBasis) {
}

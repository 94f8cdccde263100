package io.tongban.routes.licences;

/** The issuer's reason for revoking a licence, told to anyone who asks for its status. */
public record Revocation(String reason) {
}

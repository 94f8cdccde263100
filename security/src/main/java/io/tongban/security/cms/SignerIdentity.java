package io.tongban.security.cms;

/**
 * Who signed: the certificate subject, its serial number (hex), the organisation's unified social
 * credit code (organizationIdentifier) and organisation name when present.
 */
public record SignerIdentity(String subject, String serialNumber, String creditCode, String organisation) {
}

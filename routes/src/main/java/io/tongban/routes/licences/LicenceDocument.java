package io.tongban.routes.licences;

import java.time.LocalDate;
import java.util.Map;

/**
 * An e-licence as its issuer signs it, with the metadata GB/T 36903 requires. Its signature is over the RFC 8785
 * form of this JSON, so any serialisation of the same document verifies. Status is not part of it: a licence's
 * status changes after signing and is kept by the e-licence base.
 *
 * @param name       the licence's official name (营业执照)
 * @param typeCode   the GB/T 36904 type code
 * @param number     the licence's number as its issuer numbers it (a business licence: the credit code)
 * @param identifier the GB/T 36904 identifier
 * @param validUntil the last valid day (ISO date), or {@value #INDEFINITE}
 * @param data       the licence's own data fields
 */
public record LicenceDocument(String name, String typeCode, String number, String identifier, Party issuer,
                              LocalDate issuedOn, String validUntil, Party holder, Map<String, String> data) {

    /** 长期: valid without an end date. */
    public static final String INDEFINITE = "长期";

    public LicenceDocument {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** An issuer (name, credit code) or a holder (name, identity number or credit code). */
    public record Party(String name, String code) {
    }

    /** The last valid day, or null when indefinite. */
    LocalDate lastValidDay() {
        return validUntil == null || INDEFINITE.equals(validUntil) ? null : LocalDate.parse(validUntil);
    }
}

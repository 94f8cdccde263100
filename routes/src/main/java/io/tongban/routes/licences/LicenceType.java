package io.tongban.routes.licences;

import java.time.LocalDate;
import java.time.Period;

/**
 * A licence type of the e-licence base.
 *
 * @param code     the name matters use for it ({@code business-licence})
 * @param typeCode the GB/T 36904 type code, by which licences from other regions are recognised
 * @param name     the licence's official name
 * @param validFor how long a licence stays valid from its issue; null for 长期 (indefinite)
 */
public record LicenceType(String code, String typeCode, String name, Period validFor) {

    /** The last day a licence issued on {@code issuedOn} is valid; null when it is indefinite. */
    public LocalDate validUntil(LocalDate issuedOn) {
        return validFor == null ? null : issuedOn.plus(validFor).minusDays(1);
    }
}

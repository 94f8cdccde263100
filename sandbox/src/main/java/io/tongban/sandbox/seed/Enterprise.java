package io.tongban.sandbox.seed;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A legal entity as market supervision registers it.
 *
 * @param registeredCapital in 10,000 CNY, scale 4
 * @param status DJZT as text: 存续, 在业, 吊销, 注销, 迁出
 */
public record Enterprise(String creditCode, String name, String type, String legalRepresentative,
                         String legalRepresentativeId, BigDecimal registeredCapital, LocalDate establishedOn,
                         String status, String domicile, String businessScope, String registrar) {

    public Enterprise withName(String newName) {
        return new Enterprise(creditCode, newName, type, legalRepresentative, legalRepresentativeId,
                registeredCapital, establishedOn, status, domicile, businessScope, registrar);
    }

    public Enterprise withDomicile(String newDomicile) {
        return new Enterprise(creditCode, name, type, legalRepresentative, legalRepresentativeId,
                registeredCapital, establishedOn, status, newDomicile, businessScope, registrar);
    }

    public Enterprise withLegalRepresentative(String newName, String newIdentityNumber) {
        return new Enterprise(creditCode, name, type, newName, newIdentityNumber,
                registeredCapital, establishedOn, status, domicile, businessScope, registrar);
    }

    public Enterprise withStatus(String newStatus) {
        return new Enterprise(creditCode, name, type, legalRepresentative, legalRepresentativeId,
                registeredCapital, establishedOn, newStatus, domicile, businessScope, registrar);
    }

    public Enterprise withRegisteredCapital(BigDecimal newCapital) {
        return new Enterprise(creditCode, name, type, legalRepresentative, legalRepresentativeId,
                newCapital, establishedOn, status, domicile, businessScope, registrar);
    }

    public Enterprise withBusinessScope(String newScope) {
        return new Enterprise(creditCode, name, type, legalRepresentative, legalRepresentativeId,
                registeredCapital, establishedOn, status, domicile, newScope, registrar);
    }
}

package io.tongban.routes.materials;

import io.tongban.mappings.CreditCode;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.SubjectType;

/** Whose a material is: a person by identity number (old 15-digit numbers in their 18-digit form) or an entity. */
public record Holder(SubjectType type, String identifier) {

    /** @throws io.tongban.mappings.InvalidIdentifierException with the reason when the input is neither */
    public static Holder of(String input) {
        if (input != null && CreditCode.isValid(input) && !IdentityNumber.isValid(input)) {
            return new Holder(SubjectType.LEGAL_ENTITY, CreditCode.parse(input).value());
        }
        return new Holder(SubjectType.PERSON, IdentityNumber.parse(input).value());
    }
}

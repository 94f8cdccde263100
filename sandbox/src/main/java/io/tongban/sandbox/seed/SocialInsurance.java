package io.tongban.sandbox.seed;

import java.util.List;

/**
 * A person's insurance record as social security holds it.
 *
 * @param heldUnder the identity number the record is filed under (15 digits for some old records)
 * @param identityNumber the person's 18-character number, for joining with the other systems
 * @param status cbzt: 1 paying, 2 suspended, 3 terminated
 */
public record SocialInsurance(String heldUnder, String identityNumber, String name, String status,
                              List<Insurance> insurances, String employerCreditCode, String employerName,
                              String contactAddress, long updatedAtMillis) {

    public SocialInsurance {
        insurances = List.copyOf(insurances);
    }

    /**
     * One insurance type.
     *
     * @param type xz: 110 pension, 210 unemployment, 310 medical, 410 work injury, 510 maternity
     * @param status zt: 1 paying, 2 suspended, 3 terminated
     * @param monthsPaid jfys
     */
    public record Insurance(String type, String status, int monthsPaid) {
    }

    public SocialInsurance withStatus(String newStatus, List<Insurance> newInsurances, long newUpdatedAtMillis) {
        return new SocialInsurance(heldUnder, identityNumber, name, newStatus, newInsurances, employerCreditCode,
                employerName, contactAddress, newUpdatedAtMillis);
    }
}

package io.tongban.sandbox.seed;

import java.util.List;

/**
 * The subjects on which the line systems deliberately disagree, so that the bus has conflicts to show.
 * Persons are named by their 18-character identity number, companies by their credit code.
 *
 * @param addressDisagreements public security HJDZ differs from social security lxdz
 * @param fullWidthSpaceInSocialSecurity social security xm carries U+3000 between surname and given name
 * @param fullWidthSpaceInTax tax NSRMC carries U+3000 between surname and given name
 * @param deceasedStillPaying RYZT 1 in public security, cbzt 1 in social security
 * @param deregisteredStillNormalInTax DJZT 注销 in market supervision, NSRZT 03 in tax
 * @param heldUnderOldNumber born before 1980, filed in social security under the 15-digit number only
 */
public record DeliberateCases(List<String> addressDisagreements, List<String> fullWidthSpaceInSocialSecurity,
                              List<String> fullWidthSpaceInTax, List<String> deceasedStillPaying,
                              List<String> deregisteredStillNormalInTax, List<String> heldUnderOldNumber) {

    public DeliberateCases {
        addressDisagreements = List.copyOf(addressDisagreements);
        fullWidthSpaceInSocialSecurity = List.copyOf(fullWidthSpaceInSocialSecurity);
        fullWidthSpaceInTax = List.copyOf(fullWidthSpaceInTax);
        deceasedStillPaying = List.copyOf(deceasedStillPaying);
        deregisteredStillNormalInTax = List.copyOf(deregisteredStillNormalInTax);
        heldUnderOldNumber = List.copyOf(heldUnderOldNumber);
    }

    public String addressDisagreement() {
        return addressDisagreements.get(0);
    }

    public String fullWidthSpaceName() {
        return fullWidthSpaceInSocialSecurity.get(0);
    }

    public String fullWidthSpaceNameInTax() {
        return fullWidthSpaceInTax.get(0);
    }

    public String deceasedButPaying() {
        return deceasedStillPaying.get(0);
    }

    public String deregisteredButNormalInTax() {
        return deregisteredStillNormalInTax.get(0);
    }

    /** The 18-character number of a person social security knows only by the 15-digit form. */
    public String oldIdentityNumber() {
        return heldUnderOldNumber.get(0);
    }
}

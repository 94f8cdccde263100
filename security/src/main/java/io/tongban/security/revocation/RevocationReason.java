package io.tongban.security.revocation;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import org.bouncycastle.asn1.x509.CRLReason;

import java.util.Arrays;

/** CRL reason codes (RFC 5280 5.3.1) an operator may give when revoking a certificate. */
public enum RevocationReason {
    UNSPECIFIED(CRLReason.unspecified, "unspecified"),
    KEY_COMPROMISE(CRLReason.keyCompromise, "keyCompromise"),
    AFFILIATION_CHANGED(CRLReason.affiliationChanged, "affiliationChanged"),
    SUPERSEDED(CRLReason.superseded, "superseded"),
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation, "cessationOfOperation");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    public static RevocationReason fromName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.rfcName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new SecurityServiceException(ErrorCode.INVALID_REVOCATION_REASON,
                        "unknown revocation reason '" + name + "'"));
    }

    public static String nameOf(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).map(RevocationReason::rfcName)
                .findFirst().orElse("reason-" + code);
    }
}

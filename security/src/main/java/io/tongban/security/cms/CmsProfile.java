package io.tongban.security.cms;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The object identifiers a SignedData is labelled with: PKCS#7 (what most CMS libraries emit,
 * also with SM2 inside) or those of GM/T 0010 (GB/T 35275).
 */
public enum CmsProfile {
    PKCS7(CMSObjectIdentifiers.signedData, CMSObjectIdentifiers.data),
    GMT_0010(new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.2"), new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.1"));

    private final ASN1ObjectIdentifier signedDataType;
    private final ASN1ObjectIdentifier dataType;

    CmsProfile(ASN1ObjectIdentifier signedDataType, ASN1ObjectIdentifier dataType) {
        this.signedDataType = signedDataType;
        this.dataType = dataType;
    }

    public ASN1ObjectIdentifier signedDataType() {
        return signedDataType;
    }

    public ASN1ObjectIdentifier dataType() {
        return dataType;
    }

    static Optional<CmsProfile> bySignedDataType(ASN1ObjectIdentifier type) {
        return Arrays.stream(values()).filter(p -> p.signedDataType.equals(type)).findFirst();
    }
}

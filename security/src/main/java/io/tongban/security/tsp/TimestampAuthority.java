package io.tongban.security.tsp;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamping authority: the bus's own ({@link LocalTimestampAuthority}) or an
 * external one reached by URL ({@link HttpTimestampAuthorityClient}).
 */
public interface TimestampAuthority {

    /**
     * A timestamp token over a message imprint.
     *
     * @param imprintAlgorithm digest algorithm of the imprint (SM3 or SHA-256)
     * @param imprint          the digest of the data being timestamped
     */
    TimeStampToken timestamp(ASN1ObjectIdentifier imprintAlgorithm, byte[] imprint);
}

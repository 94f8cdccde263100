package io.tongban.security.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain, the holder's certificate first, the root last. */
public record CertifiedKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public CertifiedKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}

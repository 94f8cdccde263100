package io.tongban.security.pki;

import io.tongban.security.BouncyCastle;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trust anchors (bus root CAs) and known intermediate CAs; builds the chain of a certificate
 * up to an anchor by checking each issuer's signature. Chains found are cached by the certificate's
 * fingerprint, since signature checks dominate verification cost; validity dates and revocation are
 * time-dependent and checked by the caller every time.
 */
public final class TrustStore {
    private static final int MAX_CACHED_CHAINS = 10_000;
    private static final int MAX_CHAIN_LENGTH = 5;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final Map<String, List<X509Certificate>> chainCache = new ConcurrentHashMap<>();

    public TrustStore(Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates) {
        this.anchors = List.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /** An issuer certificate known to this store with the given subject, for CRL checks. */
    public Optional<X509Certificate> caCertificate(X500Principal subject) {
        return concat(anchors, intermediates).stream()
                .filter(c -> c.getSubjectX500Principal().equals(subject)).findFirst();
    }

    /**
     * The chain from {@code certificate} to a trust anchor (anchor last), using known intermediates
     * and the {@code offered} certificates (e.g. those carried in a signature); empty if none.
     */
    public Optional<List<X509Certificate>> chainOf(X509Certificate certificate, Collection<X509Certificate> offered) {
        String key = fingerprint(certificate);
        List<X509Certificate> cached = chainCache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<List<X509Certificate>> built = build(certificate, concat(intermediates, offered));
        built.ifPresent(chain -> {
            if (chainCache.size() >= MAX_CACHED_CHAINS) {
                chainCache.clear();
            }
            chainCache.put(key, chain);
        });
        return built;
    }

    private Optional<List<X509Certificate>> build(X509Certificate leaf, List<X509Certificate> candidates) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (chain.size() <= MAX_CHAIN_LENGTH) {
            for (X509Certificate anchor : anchors) {
                if (issued(anchor, current)) {
                    if (!anchor.equals(current)) {
                        chain.add(anchor);
                    }
                    return Optional.of(List.copyOf(chain));
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : candidates) {
                if (!chain.contains(candidate) && mayIssue(candidate) && issued(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            chain.add(next);
            current = next;
        }
        return Optional.empty();
    }

    /** A CA certificate whose key may sign certificates (basicConstraints cA, keyUsage keyCertSign). */
    private static boolean mayIssue(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        return certificate.getBasicConstraints() >= 0 && (keyUsage == null || keyUsage[5]);
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    private static List<X509Certificate> concat(Collection<X509Certificate> a, Collection<X509Certificate> b) {
        List<X509Certificate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

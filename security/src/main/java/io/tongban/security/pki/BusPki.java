package io.tongban.security.pki;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.revocation.RevocationChecker;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a bus node holds of the PKI: its signing identities (keystores), the trust anchors, the
 * known issuing CAs and their current CRLs, and, in demo mode only, the CAs themselves.
 */
public final class BusPki {
    private final Map<SignatureAlgorithm, Map<String, CertifiedKey>> identities;
    private final TrustStore trustStore;
    private final RevocationChecker revocationChecker;
    private final Map<SignatureAlgorithm, CertificateAuthority> authorities;

    private BusPki(Map<SignatureAlgorithm, Map<String, CertifiedKey>> identities, TrustStore trustStore,
                   RevocationChecker revocationChecker, Map<SignatureAlgorithm, CertificateAuthority> authorities) {
        this.identities = identities;
        this.trustStore = trustStore;
        this.revocationChecker = revocationChecker;
        this.authorities = authorities;
    }

    /** A PKI operated by this node: every holder of the CAs is an identity, the roots are the anchors. */
    public static BusPki ofAuthorities(List<CertificateAuthority> cas, Clock clock) {
        Map<SignatureAlgorithm, Map<String, CertifiedKey>> identities = new EnumMap<>(SignatureAlgorithm.class);
        Map<SignatureAlgorithm, CertificateAuthority> authorities = new EnumMap<>(SignatureAlgorithm.class);
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        RevocationChecker checker = new RevocationChecker(clock);
        for (CertificateAuthority ca : cas) {
            authorities.put(ca.algorithm(), ca); // its holders are the identities, read when first used
            anchors.add(ca.rootCertificate());
            intermediates.add(ca.issuingCertificate());
            checker.publish(ca.currentCrl(), ca.issuingCertificate());
        }
        return new BusPki(identities, new TrustStore(anchors, intermediates), checker, authorities);
    }

    /**
     * Production: configured keystores, trust anchors, issuing CA certificates and CRLs; nothing is
     * generated, a missing or unreadable file fails the start.
     */
    public static BusPki fromConfiguration(PkiConfiguration configuration, Clock clock) {
        Map<SignatureAlgorithm, Map<String, CertifiedKey>> identities = new EnumMap<>(SignatureAlgorithm.class);
        configuration.keystores().forEach((name, file) -> {
            CertifiedKey key = PkiFiles.readPkcs12(file, configuration.keystorePassword());
            SignatureAlgorithm algorithm = SignatureAlgorithm.ofKey(key.certificate().getPublicKey());
            identities.computeIfAbsent(algorithm, a -> new HashMap<>()).put(name, key);
        });
        List<X509Certificate> anchors = readAll(configuration.trustAnchors());
        List<X509Certificate> intermediates = readAll(configuration.intermediates());
        if (anchors.isEmpty()) {
            throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "no trust anchor configured");
        }
        TrustStore trustStore = new TrustStore(anchors, intermediates);
        RevocationChecker checker = new RevocationChecker(clock);
        for (Path file : configuration.crls()) {
            X509CRL crl = PkiFiles.readCrl(file);
            X509Certificate issuer = trustStore.caCertificate(crl.getIssuerX500Principal()).orElseThrow(() ->
                    new SecurityServiceException(ErrorCode.UNKNOWN_CERTIFICATE,
                            "CRL " + file + " comes from an issuer that is not configured: " + crl.getIssuerX500Principal()));
            checker.publish(crl, issuer);
        }
        return new BusPki(identities, trustStore, checker, Map.of());
    }

    private static List<X509Certificate> readAll(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        files.forEach(file -> certificates.addAll(PkiFiles.readCertificates(file)));
        return certificates;
    }

    public CertifiedKey identity(String name, SignatureAlgorithm algorithm) {
        CertificateAuthority ca = authorities.get(algorithm);
        if (ca != null) {
            return ca.holder(name);
        }
        CertifiedKey key = identities.getOrDefault(algorithm, Map.of()).get(name);
        if (key == null) {
            throw new SecurityServiceException(ErrorCode.UNKNOWN_SIGNER,
                    "no " + algorithm.id() + " signing identity named '" + name + "'");
        }
        return key;
    }

    public boolean hasIdentity(String name, SignatureAlgorithm algorithm) {
        CertificateAuthority ca = authorities.get(algorithm);
        return ca != null ? ca.holderNames().contains(name)
                : identities.getOrDefault(algorithm, Map.of()).containsKey(name);
    }

    public TrustStore trustStore() {
        return trustStore;
    }

    public RevocationChecker revocationChecker() {
        return revocationChecker;
    }

    /** The CA of a family, present only where this node operates it (demo mode, CA tooling). */
    public Optional<CertificateAuthority> authority(SignatureAlgorithm algorithm) {
        return Optional.ofNullable(authorities.get(algorithm));
    }
}

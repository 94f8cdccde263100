package io.tongban.security.pki;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The production PKI of a bus node, as configured (e.g. from {@code bus.security.*} properties).
 *
 * @param keystores        signing identity name (department, platform, tsa) to its PKCS#12 file
 * @param keystorePassword password of the keystores and their keys
 * @param trustAnchors     PEM files with the root certificates relying parties trust
 * @param intermediates    PEM files with issuing CA certificates (needed to check CRL signatures)
 * @param crls             DER or PEM CRL files of the issuing CAs
 */
public record PkiConfiguration(Map<String, Path> keystores, char[] keystorePassword, List<Path> trustAnchors,
                               List<Path> intermediates, List<Path> crls) {

    public PkiConfiguration {
        keystores = Map.copyOf(keystores);
        trustAnchors = List.copyOf(trustAnchors);
        intermediates = List.copyOf(intermediates);
        crls = List.copyOf(crls);
    }
}

package io.tongban.routes.signatures;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bus.security.*}: with no keystores configured the bus creates (once) and uses a demo PKI in its data
 * directory; with keystores it loads them and the configured trust anchors and CRLs, and generates nothing.
 *
 * @param keystorePassword password of the PKCS#12 keystores (the demo PKI's too)
 * @param keystores        signing identity (department, platform, tsa) to its PKCS#12 file
 * @param trustAnchors     root certificates (PEM) that relying parties trust
 * @param intermediates    issuing CA certificates (PEM), needed to check CRL signatures
 * @param crls             CRL files (DER or PEM) of the issuing CAs
 * @param externalTsaUrl   an RFC 3161 timestamp authority to use instead of the bus's own
 */
@ConfigurationProperties("bus.security")
public record SignatureProperties(String keystorePassword, Map<String, Path> keystores, List<Path> trustAnchors,
                                  List<Path> intermediates, List<Path> crls, URI externalTsaUrl) {

    public SignatureProperties {
        keystores = keystores == null ? Map.of() : Map.copyOf(keystores);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
        crls = crls == null ? List.of() : List.copyOf(crls);
    }

    boolean demo() {
        return keystores.isEmpty();
    }
}

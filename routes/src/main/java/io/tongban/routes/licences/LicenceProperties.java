package io.tongban.routes.licences;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bus.licences.*}: the other regions whose e-licences this bus recognises (跨区域电子证照互认), each by the
 * trust anchors its licence signatures chain to, its issuing CA certificates and their CRLs (PEM or DER files).
 */
@ConfigurationProperties("bus.licences")
public record LicenceProperties(List<Region> recognisedRegions) {

    public LicenceProperties {
        recognisedRegions = recognisedRegions == null ? List.of() : List.copyOf(recognisedRegions);
    }

    public record Region(String name, List<Path> trustAnchors, List<Path> intermediates, List<Path> crls) {

        public Region {
            trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
            intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
            crls = crls == null ? List.of() : List.copyOf(crls);
        }
    }
}

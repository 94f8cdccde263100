package io.tongban.security.pki;

import io.tongban.security.ErrorCode;
import io.tongban.security.SecurityServiceException;
import io.tongban.security.SignatureAlgorithm;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo PKI: on first start without configured keystores, both families are generated under
 * {@code <dataDir>/pki/sm2} and {@code <dataDir>/pki/ecdsa} with every demo department, the
 * platform and the TSA; later starts load them. Never for production: the CA keys lie beside the
 * bus, protected by one password.
 */
public final class DemoPki {
    private static final System.Logger LOG = System.getLogger(DemoPki.class.getName());

    private DemoPki() {
    }

    /** Loads the PKI created earlier in {@code dataDir}; creates nothing. */
    public static BusPki load(Path dataDir, char[] password, Clock clock) {
        List<CertificateAuthority> authorities = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            Path directory = dataDir.resolve("pki").resolve(algorithm.id());
            if (!CertificateAuthority.existsIn(directory)) {
                throw new SecurityServiceException(ErrorCode.KEYSTORE_UNAVAILABLE, "no PKI in " + directory);
            }
            CertificateAuthority ca = CertificateAuthority.open(directory, password, clock);
            ca.refreshCrlIfDue();
            authorities.add(ca);
        }
        return BusPki.ofAuthorities(authorities, clock);
    }

    public static BusPki loadOrCreate(Path dataDir, char[] password, Clock clock) {
        List<CertificateAuthority> authorities = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            Path directory = dataDir.resolve("pki").resolve(algorithm.id());
            CertificateAuthority ca;
            if (CertificateAuthority.existsIn(directory)) {
                ca = CertificateAuthority.open(directory, password, clock);
                ca.refreshCrlIfDue();
            } else {
                LOG.log(Level.WARNING, "Creating a DEMO PKI ({0}) in {1}: NOT FOR PRODUCTION", algorithm.id(), directory);
                ca = CertificateAuthority.create(algorithm, directory, password, clock);
            }
            List<String> present = ca.holderNames();
            for (Department department : Department.demoDepartments()) {
                if (!present.contains(department.name())) {
                    ca.issue(department);
                }
            }
            authorities.add(ca);
        }
        LOG.log(Level.WARNING, """

                ************************************************************************
                *  DEMO PKI in use ({0}).
                *  Root and issuing CA keys lie beside the bus. Signatures made with it
                *  prove nothing outside this demo. Configure keystores and trust anchors
                *  (bus.security.*) for production.
                ************************************************************************""", dataDir.resolve("pki"));
        return BusPki.ofAuthorities(authorities, clock);
    }
}

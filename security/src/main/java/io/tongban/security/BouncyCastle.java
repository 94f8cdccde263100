package io.tongban.security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;
import java.security.Security;

/** The one Bouncy Castle provider instance the module uses (SM2/SM3 exist only there). */
public final class BouncyCastle {
    public static final Provider PROVIDER = install();

    private BouncyCastle() {
    }

    private static Provider install() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }
}

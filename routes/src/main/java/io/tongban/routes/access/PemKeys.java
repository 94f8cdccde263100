package io.tongban.routes.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM text of keys (RFC 7468): the issuers' public keys are configured as PEM files. */
final class PemKeys {

    private PemKeys() {
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the first PEM block in a text. */
    static byte[] der(String pem) {
        String body = pem.replaceAll("-----BEGIN [A-Z ]+-----", "").replaceAll("-----END [A-Z ]+-----[\\s\\S]*", "");
        return Base64.getMimeDecoder().decode(body);
    }

    /** An EC public key (SubjectPublicKeyInfo, "PUBLIC KEY") from a PEM file. */
    static ECPublicKey readPublicKey(Path file) throws IOException {
        try {
            if (KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(Files.readString(file))))
                    instanceof ECPublicKey key) {
                return key;
            }
            throw new IllegalStateException(file + " holds no EC public key");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds no readable EC public key (PEM, \"PUBLIC KEY\")", e);
        }
    }
}

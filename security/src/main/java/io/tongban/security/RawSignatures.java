package io.tongban.security;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Plain signatures over bytes, without CMS. SM2 uses the default signer identity
 * "1234567812345678" and signs SM3(Z || message), as GM/T 0009 and OpenSSL do.
 */
public final class RawSignatures {
    private RawSignatures() {
    }

    public static KeyPair generateKeyPair(SignatureAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(algorithm.curve()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot generate a " + algorithm + " key", e);
        }
    }

    public static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(algorithm.jcaSignatureName(), BouncyCastle.PROVIDER);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SecurityServiceException(ErrorCode.SIGNING_FAILED, "cannot sign with " + algorithm, e);
        }
    }

    public static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm.jcaSignatureName(), BouncyCastle.PROVIDER);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            return false; // malformed signature encoding: simply not a valid signature
        } catch (GeneralSecurityException e) {
            throw new SecurityServiceException(ErrorCode.UNSUPPORTED_ALGORITHM, "cannot verify with " + algorithm, e);
        }
    }
}

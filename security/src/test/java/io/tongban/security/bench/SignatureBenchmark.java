package io.tongban.security.bench;

import io.tongban.security.RawSignatures;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.cms.CmsProfile;
import io.tongban.security.cms.CmsSigner;
import io.tongban.security.cms.CmsVerifier;
import io.tongban.security.cms.VerificationPolicy;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.DemoPki;
import io.tongban.security.pki.Department;
import io.tongban.security.tsp.LocalTimestampAuthority;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Sign and verify operations per second on one thread, raw and as whole detached CMS over a 4 KB
 * document, beside the figures of {@code openssl speed} passed in by bench/signatures.sh.
 *
 * <p>Arguments: {@code seconds sm2Sign sm2Verify ecdsaSign ecdsaVerify} (the OpenSSL figures).
 */
public final class SignatureBenchmark {
    private static final int ROUNDS = 4;
    private static volatile int sink; // keeps the JIT from discarding the work

    private SignatureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        double[][] openssl = {
                {Double.parseDouble(args[1]), Double.parseDouble(args[2])},
                {Double.parseDouble(args[3]), Double.parseDouble(args[4])}};
        Path dataDir = Files.createTempDirectory("tongban-bench");
        BusPki pki = DemoPki.loadOrCreate(dataDir, "bench".toCharArray(), Clock.systemUTC());
        byte[] document = new byte[4096];
        new Random(42).nextBytes(document);
        CmsVerifier verifier = new CmsVerifier(pki.trustStore(), pki.revocationChecker(), VerificationPolicy.strict(),
                Clock.systemUTC());

        System.out.printf(Locale.ROOT, "%-26s %12s %12s %8s%n", "operation (1 thread)", "bus ops/s", "openssl ops/s",
                "ratio");
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            CertifiedKey key = pki.identity("tax", algorithm);
            byte[] rawSignature = RawSignatures.sign(algorithm, key.privateKey(), document);
            CmsSigner plain = new CmsSigner(algorithm, key, null, CmsProfile.PKCS7);
            CmsSigner stamped = new CmsSigner(algorithm, key,
                    new LocalTimestampAuthority(algorithm, pki.identity(Department.TSA, algorithm), Clock.systemUTC()),
                    CmsProfile.PKCS7);
            byte[] cmsSignature = stamped.sign(document);
            if (!verifier.verify(document, cmsSignature).isValid()) {
                throw new IllegalStateException("benchmark signature does not verify");
            }
            double[] reference = openssl[algorithm.ordinal()];
            String name = algorithm.id();
            row(name + " raw sign", measure(seconds,
                    () -> RawSignatures.sign(algorithm, key.privateKey(), document).length), reference[0]);
            row(name + " raw verify", measure(seconds,
                    () -> RawSignatures.verify(algorithm, key.certificate().getPublicKey(), document, rawSignature) ? 1 : 0),
                    reference[1]);
            row(name + " CMS sign", measure(seconds, () -> plain.sign(document).length), reference[0]);
            row(name + " CMS sign+timestamp", measure(seconds, () -> stamped.sign(document).length), reference[0]);
            row(name + " CMS verify (full)", measure(seconds,
                    () -> verifier.verify(document, cmsSignature).isValid() ? 1 : 0), reference[1]);
        }
        System.out.println("ratio = bus / openssl speed raw operation on the same machine");
    }

    private static void row(String operation, double busOps, double opensslOps) {
        System.out.printf(Locale.ROOT, "%-26s %12.0f %12.0f %8.2f%n", operation, busOps, opensslOps, busOps / opensslOps);
    }

    /**
     * Warms up for a third of the time, then counts operations in {@value #ROUNDS} rounds of
     * {@code seconds / ROUNDS} and keeps the best: on a shared machine the other processes only
     * ever slow a round down.
     */
    private static double measure(double seconds, IntSupplier operation) {
        long warmUntil = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmUntil) {
            sink += operation.getAsInt();
        }
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long end = start + (long) (seconds / ROUNDS * 1e9);
            long count = 0;
            long now;
            do {
                sink += operation.getAsInt();
                count++;
                now = System.nanoTime();
            } while (now < end);
            best = Math.max(best, count / ((now - start) / 1e9));
        }
        return best;
    }
}

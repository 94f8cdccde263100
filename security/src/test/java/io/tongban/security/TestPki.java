package io.tongban.security;

import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CertifiedKey;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.pki.DemoPki;
import io.tongban.security.pki.Department;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One demo PKI for the whole test run (generating keystores costs seconds). Tests that revoke or
 * need odd validity dates issue their own holders with {@link #freshDepartment()}, so the shared
 * holders stay good.
 */
public final class TestPki {
    public static final char[] PASSWORD = "test-password".toCharArray();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Path dataDir;
    private static BusPki pki;

    private TestPki() {
    }

    public static synchronized BusPki shared() {
        if (pki == null) {
            try {
                dataDir = Files.createTempDirectory("tongban-test-pki");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            pki = DemoPki.loadOrCreate(dataDir, PASSWORD, Clock.systemUTC());
        }
        return pki;
    }

    public static synchronized Path dataDir() {
        shared();
        return dataDir;
    }

    public static CertificateAuthority authority(SignatureAlgorithm algorithm) {
        return shared().authority(algorithm).orElseThrow();
    }

    public static CertifiedKey identity(String name, SignatureAlgorithm algorithm) {
        return shared().identity(name, algorithm);
    }

    /** A department of its own for a test that revokes or expires its certificate. */
    public static Department freshDepartment() {
        int n = COUNTER.incrementAndGet();
        String first17 = String.format("11440300MB1%06d", n);
        return new Department("test-dept-" + n, "测试部门" + n, "测试处", CreditCode.complete(first17));
    }
}

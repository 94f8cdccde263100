package io.tongban.routes;

import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One sandbox per test JVM, on free ports, shared by every test class that talks to the line systems. */
public final class TestSandbox {

    private static Sandbox sandbox;
    private static Path dataDir;

    private TestSandbox() {
    }

    public static synchronized Sandbox get() {
        if (sandbox == null) {
            try {
                dataDir = Files.createTempDirectory("tongban-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sandbox = Sandbox.start(SandboxConfig.builder().freePorts()
                    .feedDirectory(dataDir.resolve("feeds/market-supervision"))
                    .decisionDelay(Duration.ofMillis(200))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return sandbox;
    }

    public static synchronized Path dataDir() {
        get();
        return dataDir;
    }
}

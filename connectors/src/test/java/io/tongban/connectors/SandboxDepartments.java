package io.tongban.connectors;

import io.tongban.sandbox.Sandbox;
import io.tongban.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The sandbox line systems, started once per test JVM on free ports with a temporary feed directory, because the
 * Spring context that points at them is itself shared by every connector test class. Closed with that context.
 */
public final class SandboxDepartments implements AutoCloseable {

    private static SandboxDepartments shared;

    private final Path feedDirectory;
    private final Sandbox sandbox;

    private SandboxDepartments() {
        try {
            feedDirectory = Files.createTempDirectory("tongban-connectors-feed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sandbox = Sandbox.start(SandboxConfig.builder().freePorts().feedDirectory(feedDirectory)
                .decisionDelay(Duration.ofMillis(100)).build());
    }

    public static synchronized SandboxDepartments shared() {
        if (shared == null) {
            shared = new SandboxDepartments();
        }
        return shared;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Path feedDirectory() {
        return feedDirectory;
    }

    @Override
    public void close() {
        synchronized (SandboxDepartments.class) {
            shared = null;
        }
        sandbox.close();
        try (Stream<Path> paths = Files.walk(feedDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}

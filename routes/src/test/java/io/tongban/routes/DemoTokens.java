package io.tongban.routes;

import io.tongban.routes.access.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bearer tokens a bus in demo mode writes under its data directory, one per role. */
public final class DemoTokens {

    private DemoTokens() {
    }

    public static String read(Path dataDir, Role role) {
        try {
            return Files.readString(dataDir.resolve("demo").resolve(role.claimValue() + ".token"), StandardCharsets.US_ASCII)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no demo token for " + role + " under " + dataDir, e);
        }
    }
}

package dev.agentlocator.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A secret the local stack makes up once and keeps in its state directory, unless the user's
 * environment sets it: what was encrypted, signed or subscribed with it stays good across restarts.
 */
final class StoredSecret {

    /** The user's {@code variable} when set, else the stored one, else a new one from {@code generate}, stored. */
    static String resolve(
            Map<String, String> env, String variable, Path stateDir, String fileName, Supplier<String> generate) {
        String configured = env.get(variable);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = stateDir.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String generated = generate.get();
            Files.createDirectories(stateDir);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the state directory is the developer's own
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private StoredSecret() {}
}

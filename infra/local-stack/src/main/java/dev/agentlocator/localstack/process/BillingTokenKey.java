package dev.agentlocator.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The AES key billing-service encrypts the businesses' Tax Authority tokens with
 * (BILLING_TOKEN_ENCRYPTION_KEY, base64 of 32 bytes). The local stack generates one on first start and
 * keeps it in its state directory: a new key on every start would make every stored connection
 * unreadable, and the owner would have to connect to the Tax Authority again.
 */
public final class BillingTokenKey {

    static final String VARIABLE = "BILLING_TOKEN_ENCRYPTION_KEY";
    static final String FILE_NAME = "billing-token.key";

    /** The user's BILLING_TOKEN_ENCRYPTION_KEY when set, else the stack's own. */
    public static String resolve(Map<String, String> env, Path stateDir) {
        String configured = env.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = stateDir.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                String stored =
                        Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String generated = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(stateDir);
            Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
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

    private BillingTokenKey() {}
}

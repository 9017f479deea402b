package dev.agentlocator.localstack.process;

import java.nio.file.Path;
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
        return StoredSecret.resolve(env, VARIABLE, stateDir, FILE_NAME, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    private BillingTokenKey() {}
}

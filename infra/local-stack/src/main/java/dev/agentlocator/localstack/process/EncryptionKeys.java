package dev.agentlocator.localstack.process;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The AES-256 keys services encrypt stored third-party credentials with (base64 of 32 bytes):
 * billing-service's Tax Authority tokens ({@value #BILLING}) and telephony-service's Twilio
 * accounts ({@value #TELEPHONY_CREDENTIALS}). The local stack generates each on first start and keeps
 * it in its state directory: a new key on every start would make every stored connection unreadable,
 * and the owner would have to connect to the Tax Authority, or their Twilio account, again.
 */
public record EncryptionKeys(String billing, String telephonyCredentials) {

    static final String BILLING = "BILLING_TOKEN_ENCRYPTION_KEY";
    static final String TELEPHONY_CREDENTIALS = "TELEPHONY_CREDENTIALS_KEY";
    static final String BILLING_FILE = "billing-token.key";
    static final String TELEPHONY_CREDENTIALS_FILE = "telephony-credentials.key";

    /** The user's own keys where set, else the stack's. */
    public static EncryptionKeys resolve(Map<String, String> env, Path stateDir) {
        return new EncryptionKeys(
                resolve(env, BILLING, stateDir, BILLING_FILE),
                resolve(env, TELEPHONY_CREDENTIALS, stateDir, TELEPHONY_CREDENTIALS_FILE));
    }

    private static String resolve(Map<String, String> env, String variable, Path stateDir, String fileName) {
        return StoredSecret.resolve(env, variable, stateDir, fileName, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }
}

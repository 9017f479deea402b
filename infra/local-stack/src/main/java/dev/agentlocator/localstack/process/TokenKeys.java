package dev.agentlocator.localstack.process;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.agentlocator.testkit.TestJwt;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/**
 * What crm-service needs to be the suite's one token signer (ADR 0021), generated on first start
 * and kept in the state directory like the VAPID pair: its signing keys ({@code
 * TOKEN_SIGNING_KEYS}, a JWK set of one P-256 key), so tokens handed out before a restart still
 * verify after it, and the secret telephony-service asks it for service tokens with ({@code
 * TELEPHONY_CLIENT_SECRET}). The user's own values win.
 */
public record TokenKeys(String signingKeys, String telephonyClientSecret) {

    static final String KEYS_VARIABLE = "TOKEN_SIGNING_KEYS";
    static final String KEYS_FILE = "token-signing-keys.json";
    static final String CLIENT_SECRET_VARIABLE = "TELEPHONY_CLIENT_SECRET";
    static final String CLIENT_SECRET_FILE = "telephony-client.secret";

    public static TokenKeys resolve(Map<String, String> env, Path stateDir) {
        String keys = StoredSecret.resolve(env, KEYS_VARIABLE, stateDir, KEYS_FILE, TokenKeys::generateKeys);
        String secret = StoredSecret.resolve(env, CLIENT_SECRET_VARIABLE, stateDir, CLIENT_SECRET_FILE, () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        return new TokenKeys(keys, secret);
    }

    static String generateKeys() {
        return new JWKSet(TestJwt.generate("local-development-" + Long.toHexString(new SecureRandom().nextLong())))
                .toString(false);
    }

    /**
     * The key crm signs with: the launcher signs its own probe and demo tokens with it, as crm
     * would, since it generated (or was given) that key anyway.
     */
    public ECKey signingKey() {
        try {
            return JWKSet.parse(signingKeys).getKeys().get(0).toECKey();
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException(KEYS_VARIABLE + " is not a JWK set whose first key is a P-256 key", e);
        }
    }
}
